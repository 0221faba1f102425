package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies (as CIDR blocks) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * the server believes. Behind a trusted proxy, the client is the right-most address in
 * {@code X-Forwarded-For} (all its lines, in order) that is not itself a trusted proxy; from anyone
 * else the headers are ignored, so a client cannot choose its own rate-limit key or claim TLS.
 * Immutable, thread-safe.
 */
public final class TrustedProxies {

  /** The request attribute holding the client address the rate and login limits key on. */
  static final String CLIENT = "guidance.client";
  static final String HTTPS = "guidance.https";
  static final String FORWARDED_FOR = "X-Forwarded-For";

  /** An IPv4 or IPv6 literal: never a host name, so parsing never touches DNS. */
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  private record Block(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Comma-separated addresses or CIDR blocks ("10.0.0.0/8, 127.0.0.1, ::1/128"); "" trusts none. */
  public static TrustedProxies parse(String csv) {
    List<Block> blocks = new ArrayList<>();
    for (String part : csv.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      int slash = s.indexOf('/');
      String address = slash < 0 ? s : s.substring(0, slash);
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException("The trusted-proxies setting has '" + s
            + "', which is not an IP address or CIDR block (like 10.0.0.0/8).");
      }
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException("The trusted-proxies setting has '" + s + "', whose prefix length must be "
              + "0 to " + bytes.length * 8 + ".");
        }
      }
      blocks.add(new Block(bytes, bits));
    }
    return new TrustedProxies(blocks);
  }

  boolean trusts(String address) {
    byte[] bytes = literal(address);
    return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
  }

  /** The client's address: the peer, or behind trusted proxies the first untrusted hop from the right. */
  String client(String peer, String forwardedFor) {
    if (forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return peer; // a forged or garbled header: key on the proxy rather than on attacker-chosen text
      }
      if (!trusts(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /** Records the client address and whether the request came over TLS, for the limits and cookies. */
  void identify(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    ctx.attribute(CLIENT, client(peer, forwardedFor(ctx)));
    ctx.attribute(HTTPS, "https".equalsIgnoreCase(ctx.scheme())
        || trusts(peer) && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
  }

  /**
   * Every {@code X-Forwarded-For} line joined in order, or null when there is none. A proxy may add
   * its own line (HAProxy does) rather than extend the client's, so reading the first line alone
   * would key on text the client wrote.
   */
  private static String forwardedFor(Context ctx) {
    List<String> lines = Collections.list(ctx.req().getHeaders(FORWARDED_FOR));
    return lines.isEmpty() ? null : String.join(",", lines);
  }

  static String client(Context ctx) {
    String client = ctx.attribute(CLIENT);
    return client == null ? ctx.req().getRemoteAddr() : client;
  }

  static boolean https(Context ctx) {
    Boolean https = ctx.attribute(HTTPS);
    return https != null && https;
  }

  private static byte[] literal(String address) {
    if (address == null || address.isEmpty() || !LITERAL.matcher(address).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
