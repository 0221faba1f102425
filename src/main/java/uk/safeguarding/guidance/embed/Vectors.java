package uk.safeguarding.guidance.embed;

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
}
