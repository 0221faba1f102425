package uk.safeguarding.guidance.answer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.IntStream;

/**
 * A logistic regression fitted to rows worked out when needed and never all held at once: the
 * passage reranker's candidates carry some 800 figures each (the question's vector times the
 * passage's, number by number), and a thousand examples make some 25,000 rows. liblinear ({@link
 * Logistic}) keeps every figure of every row as an object (about 28 bytes each: 550 MB here, more
 * than the server's whole heap), so these are fitted here instead, one group of rows (one question's
 * candidates) at a time, with the same objective as liblinear's {@code L2R_LR}: half the squared
 * weights (the bias included) plus {@code c} times the logistic loss, over figures standardised on the
 * examples and then multiplied by a weight each. Minimised by L-BFGS. Immutable once fitted; thread-safe.
 */
final class StreamedLogistic {

  /** The training rows, one group at a time, worked out afresh on each call. */
  interface Rows {

    int groups();

    /** The figures of group {@code g}'s rows, all of one length in every group. */
    double[][] figures(int g);

    boolean[] labels(int g);
  }

  /** Past gradients L-BFGS remembers to shape its steps: 5–20 is the usual range, and 10 converges here in tens of steps. */
  static final int MEMORY = 10;
  /** Stops when the gradient's length falls to this share of where it started (liblinear stops near 1e-3 of it). */
  static final double TOLERANCE = 1e-4;
  /** At most this many steps: each is one pass over the rows, and the fits here settle in well under a hundred. */
  static final int MAX_STEPS = 300;
  /**
   * Each pass over the rows is split into this many interleaved chunks, worked out in parallel (the
   * rows' products are most of a start-up's training) and added up in a fixed order: more chunks than
   * most servers have cores, few enough that each chunk's sums stay small beside the rows.
   */
  static final int CHUNKS = 8;
  /** A step is kept once it lowers the objective by this share of what the gradient promised (Armijo's rule). */
  private static final double SUFFICIENT_DECREASE = 1e-4;
  /** … and otherwise halved, at most this many times. */
  private static final int MAX_HALVINGS = 40;

  private final double[] coefficients;
  private final double intercept;

  private StreamedLogistic(double[] coefficients, double intercept) {
    this.coefficients = coefficients;
    this.intercept = intercept;
  }

  /**
   * Fits to {@code rows}; {@code c} is liblinear's inverse regularisation and {@code weights} (null:
   * all 1) multiply each standardised figure, so a figure weighted w is regularised as if by c·w².
   */
  static StreamedLogistic fit(Rows rows, double c, double[] weights) {
    Standardised s = Standardised.of(rows, weights);
    int n = s.mean().length + 1; // the last is the bias
    double[] theta = new double[n];
    double[] gradient = new double[n];
    double f = objective(rows, s, c, theta, gradient);
    double start = norm(gradient);
    Deque<double[][]> history = new ArrayDeque<>();
    for (int step = 0; step < MAX_STEPS && norm(gradient) > TOLERANCE * start; step++) {
      double[] direction = direction(gradient, history);
      double slope = dot(direction, gradient);
      if (slope >= 0) { // not a descent direction (rounding): start again from the gradient
        history.clear();
        direction = scaled(gradient, -1);
        slope = dot(direction, gradient);
      }
      double length = history.isEmpty() ? 1 / Math.max(1, norm(gradient)) : 1;
      double[] next = new double[n];
      double[] nextGradient = new double[n];
      double nextF = Double.NaN;
      for (int halving = 0; halving <= MAX_HALVINGS; halving++, length /= 2) {
        for (int j = 0; j < n; j++) {
          next[j] = theta[j] + length * direction[j];
        }
        nextF = objective(rows, s, c, next, nextGradient);
        if (nextF <= f + SUFFICIENT_DECREASE * length * slope) {
          break;
        }
      }
      if (!(nextF < f)) {
        break; // no step lowers it any more: as close as arithmetic allows
      }
      double[] sk = new double[n];
      double[] yk = new double[n];
      for (int j = 0; j < n; j++) {
        sk[j] = next[j] - theta[j];
        yk[j] = nextGradient[j] - gradient[j];
      }
      if (dot(sk, yk) > 0) {
        history.addLast(new double[][] {sk, yk});
        if (history.size() > MEMORY) {
          history.removeFirst();
        }
      }
      theta = next;
      gradient = nextGradient;
      f = nextF;
    }
    // Back to the raw figures: the standardising folded into the coefficients and the intercept.
    double[] coefficients = new double[n - 1];
    double intercept = theta[n - 1];
    for (int j = 0; j < n - 1; j++) {
      coefficients[j] = theta[j] * s.scale()[j];
      intercept -= coefficients[j] * s.mean()[j];
    }
    return new StreamedLogistic(coefficients, intercept);
  }

  /** The coefficients of figures {@code from} (inclusive) to {@code to} (exclusive), on the raw figures. */
  double[] coefficients(int from, int to) {
    return Arrays.copyOfRange(coefficients, from, to);
  }

  /** The intercept on the raw figures: the margin of a row of zeros. */
  double intercept() {
    return intercept;
  }

  /** The probability of the positive label for one row's figures. */
  double score(double[] figures) {
    double m = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      m += coefficients[j] * figures[j];
    }
    return 1 / (1 + Math.exp(-m));
  }

  /** The figures' means and the factor each is multiplied by once centred (its weight over its spread). */
  private record Standardised(double[] mean, double[] scale) {

    static Standardised of(Rows rows, double[] weights) {
      double[] sum = null;
      double[] squares = null;
      long count = 0;
      for (int g = 0; g < rows.groups(); g++) {
        for (double[] x : rows.figures(g)) {
          if (sum == null) {
            sum = new double[x.length];
            squares = new double[x.length];
          }
          for (int j = 0; j < x.length; j++) {
            sum[j] += x[j];
            squares[j] += x[j] * x[j];
          }
          count++;
        }
      }
      if (count == 0) {
        throw new IllegalArgumentException("A logistic regression needs rows to learn from, got none");
      }
      double[] mean = new double[sum.length];
      double[] scale = new double[sum.length];
      for (int j = 0; j < sum.length; j++) {
        mean[j] = sum[j] / count;
        double variance = Math.max(0, squares[j] / count - mean[j] * mean[j]);
        // A figure that never varies says nothing.
        scale[j] = variance > 0 ? (weights == null ? 1 : weights[j]) / Math.sqrt(variance) : 0;
      }
      return new Standardised(mean, scale);
    }
  }

  /** The objective at {@code theta}, its gradient written into {@code gradient}: one pass over the rows. */
  private static double objective(Rows rows, Standardised s, double c, double[] theta, double[] gradient) {
    int d = theta.length - 1;
    double[] raw = new double[d]; // the coefficients on the raw figures
    double rawIntercept = theta[d];
    for (int j = 0; j < d; j++) {
      raw[j] = theta[j] * s.scale()[j];
      rawIntercept -= raw[j] * s.mean()[j];
    }
    double intercept = rawIntercept;
    // The chunks are fixed and added up in order, so the fit is the same on any number of cores.
    Pass[] passes = IntStream.range(0, CHUNKS).parallel().mapToObj(k -> pass(rows, k, c, raw, intercept))
        .toArray(Pass[]::new);
    double loss = 0;
    double[] weighted = new double[d]; // sum over rows of dloss/dmargin times the raw figure
    double total = 0; // sum over rows of dloss/dmargin
    for (Pass p : passes) {
      loss += p.loss();
      total += p.total();
      for (int j = 0; j < d; j++) {
        weighted[j] += p.weighted()[j];
      }
    }
    double squares = 0;
    for (int j = 0; j <= d; j++) {
      squares += theta[j] * theta[j];
    }
    for (int j = 0; j < d; j++) {
      gradient[j] = theta[j] + s.scale()[j] * (weighted[j] - s.mean()[j] * total);
    }
    gradient[d] = theta[d] + total;
    return squares / 2 + c * loss;
  }

  /** One chunk's share of a pass: its loss, and its sums for the gradient. */
  private record Pass(double loss, double total, double[] weighted) {}

  /** The groups {@code k}, {@code k + CHUNKS}, … of the rows. */
  private static Pass pass(Rows rows, int k, double c, double[] raw, double intercept) {
    int d = raw.length;
    double loss = 0;
    double total = 0;
    double[] weighted = new double[d];
    for (int g = k; g < rows.groups(); g += CHUNKS) {
      double[][] figures = rows.figures(g);
      boolean[] labels = rows.labels(g);
      for (int i = 0; i < figures.length; i++) {
        double[] x = figures[i];
        double m = intercept;
        for (int j = 0; j < d; j++) {
          m += raw[j] * x[j];
        }
        double y = labels[i] ? 1 : -1;
        double ym = y * m;
        loss += ym > 0 ? Math.log1p(Math.exp(-ym)) : -ym + Math.log1p(Math.exp(ym));
        double r = c * y * (1 / (1 + Math.exp(-ym)) - 1);
        total += r;
        for (int j = 0; j < d; j++) {
          weighted[j] += r * x[j];
        }
      }
    }
    return new Pass(loss, total, weighted);
  }

  /** L-BFGS's two-loop recursion: the gradient shaped by the remembered steps, negated. */
  private static double[] direction(double[] gradient, Deque<double[][]> history) {
    double[] q = gradient.clone();
    double[] alpha = new double[history.size()];
    int k = history.size() - 1;
    for (var it = history.descendingIterator(); it.hasNext(); k--) {
      double[][] sy = it.next();
      alpha[k] = dot(sy[0], q) / dot(sy[1], sy[0]);
      for (int j = 0; j < q.length; j++) {
        q[j] -= alpha[k] * sy[1][j];
      }
    }
    if (!history.isEmpty()) {
      double[][] last = history.peekLast();
      double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
      for (int j = 0; j < q.length; j++) {
        q[j] *= gamma;
      }
    }
    k = 0;
    for (double[][] sy : history) {
      double beta = dot(sy[1], q) / dot(sy[1], sy[0]);
      for (int j = 0; j < q.length; j++) {
        q[j] += (alpha[k] - beta) * sy[0][j];
      }
      k++;
    }
    return scaled(q, -1);
  }

  private static double[] scaled(double[] v, double by) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] * by;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }
}
