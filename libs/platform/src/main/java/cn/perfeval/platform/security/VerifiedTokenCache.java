package cn.perfeval.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens as smallrye-jwt does, and remembers for a short while the tokens it has
 * verified (docs/security.md, "Verified tokens").
 *
 * <p>Every token not in the cache is verified in full by smallrye-jwt's own factory: signature with
 * the configured key, issuer, {@code exp}, {@code iat}. Only a token that passed is remembered,
 * keyed by the SHA-256 of its raw text, until the earliest of its {@code exp}, its maximum age
 * ({@code mp.jwt.verify.token.age}, when set) and now plus {@code perfeval.jwt.cache.ttl}; a hit
 * checks that time again, so a remembered token is refused once it has expired. A token verified
 * with other settings (another key, another issuer: {@code JWTParser.verify(token, key)}) never
 * hits an entry made with the configured ones. The number of entries is bounded
 * ({@code perfeval.jwt.cache.max-entries}); a refused token is never remembered.
 *
 * <p>Replaces the factory smallrye-jwt would use (an alternative bean, as its documentation describes);
 * smallrye-jwt's {@code JWTParser} and the Quarkus authentication mechanism call it.
 */
@Singleton
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    /** Default lifetime of an entry when the token itself lives longer. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Default bound on the number of remembered tokens. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(JWTCallerPrincipal principal, JWTAuthContextInfo context, long expiresAtMillis) {
    }

    /** As the services use it: smallrye-jwt's factory, the system clock, the configured TTL and bound. */
    public VerifiedTokenCache() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC(),
                ConfigProvider.getConfig().getOptionalValue("perfeval.jwt.cache.ttl", Duration.class).orElse(DEFAULT_TTL),
                ConfigProvider.getConfig().getOptionalValue("perfeval.jwt.cache.max-entries", Integer.class)
                        .orElse(DEFAULT_MAX_ENTRIES));
    }

    public VerifiedTokenCache(JWTCallerPrincipalFactory verifier, Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
        this.verifier = verifier;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        if (token == null || maxEntries == 0 || ttlMillis == 0) {
            return verifier.parse(token, context);
        }
        ByteBuffer key = ByteBuffer.wrap(sha256(token));
        long now = clock.millis();
        Entry hit = entries.get(key);
        if (hit != null) {
            if (hit.context == context && now < hit.expiresAtMillis) {
                return hit.principal;
            }
            if (now >= hit.expiresAtMillis) {
                entries.remove(key, hit);
            }
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long until = until(principal, context, now);
        if (until > now && (hit == null || hit.context == context || now >= hit.expiresAtMillis)) {
            makeRoom(now);
            entries.put(key, new Entry(principal, context, until));
        }
        return principal;
    }

    /** How many tokens are remembered now (expired ones included until they are dropped). */
    public int size() {
        return entries.size();
    }

    /** The earliest of exp, iat + the maximum token age, and now + TTL; in milliseconds. */
    private long until(JWTCallerPrincipal principal, JWTAuthContextInfo context, long now) {
        long exp = principal.getExpirationTime();
        if (exp <= 0) {
            return 0; // smallrye-jwt requires exp; a principal without one is not remembered
        }
        long until = Math.min(millis(exp), now + ttlMillis);
        Long maxAge = context.getTokenAge();
        if (maxAge != null) {
            until = Math.min(until, millis(principal.getIssuedAtTime() + maxAge));
        }
        return until;
    }

    /** Seconds since the epoch as milliseconds, saturating instead of overflowing. */
    private static long millis(long seconds) {
        return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000L;
    }

    /** Drops expired entries, then arbitrary ones, until one more fits under the bound. */
    private void makeRoom(long now) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(e -> now >= e.expiresAtMillis);
        Iterator<ByteBuffer> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
