package uk.safeguarding.guidance.embed;

import java.util.List;

/** Small vector helpers. */
public final class Vectors {

  private Vectors() {}

  /** The vector scaled to unit length (returned as is when all zeros). */
  public static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum == 0) {
      return v;
    }
    float norm = (float) Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return out;
  }

  public static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * {@link #dot} of {@code query} with each of {@code vectors}, every one the same to the last bit: each
   * sum still runs number by number in order, but eight of them run side by side, so the processor
   * overlaps their additions instead of waiting on one chain of them (about 2.5× faster for a few dozen
   * vectors, BENCHMARKS.md §8).
   */
  public static float[] dots(float[] query, List<float[]> vectors) {
    float[] out = new float[vectors.size()];
    int k = 0;
    for (; k + 8 <= out.length; k += 8) {
      float[] a = vectors.get(k), b = vectors.get(k + 1), c = vectors.get(k + 2), d = vectors.get(k + 3);
      float[] e = vectors.get(k + 4), f = vectors.get(k + 5), g = vectors.get(k + 6), h = vectors.get(k + 7);
      float sa = 0, sb = 0, sc = 0, sd = 0, se = 0, sf = 0, sg = 0, sh = 0;
      for (int i = 0; i < query.length; i++) {
        float q = query[i];
        sa += q * a[i];
        sb += q * b[i];
        sc += q * c[i];
        sd += q * d[i];
        se += q * e[i];
        sf += q * f[i];
        sg += q * g[i];
        sh += q * h[i];
      }
      out[k] = sa;
      out[k + 1] = sb;
      out[k + 2] = sc;
      out[k + 3] = sd;
      out[k + 4] = se;
      out[k + 5] = sf;
      out[k + 6] = sg;
      out[k + 7] = sh;
    }
    for (; k < out.length; k++) {
      out[k] = dot(query, vectors.get(k));
    }
    return out;
  }

  /** {@link #dots}, each widened to a double. */
  public static double[] dotsWidened(float[] query, List<float[]> vectors) {
    float[] dots = dots(query, vectors);
    double[] out = new double[dots.length];
    for (int k = 0; k < dots.length; k++) {
      out[k] = dots[k];
    }
    return out;
  }
}
