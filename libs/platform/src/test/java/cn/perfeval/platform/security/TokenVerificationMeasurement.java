package cn.perfeval.platform.security;

import cn.perfeval.testsupport.DevTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the time of one bearer-token verification goes, printed (never asserted): the whole path the
 * services take (smallrye-jwt's {@code JWTParser} with its default factory, the key given inline as the
 * tests do and as a PEM file as the launcher does), then its parts, then the verified-token cache.
 *
 * <p>{@code mvn -B -o -pl libs/platform -am verify -Dperfeval.measure=true -Dtest=TokenVerificationMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 */
@EnabledIfSystemProperty(named = "perfeval.measure", matches = "true",
        disabledReason = "a measurement, not a test: -Dperfeval.measure=true -Dtest=TokenVerificationMeasurement")
class TokenVerificationMeasurement {

    private static final int WARM_UP = 4_000;
    private static final int N = 10_000;

    interface Call {
        Object run() throws Exception;
    }

    private static volatile Object sink;

    @Test
    void measure(@TempDir Path dir) throws Exception {
        DevTokens tokens = DevTokens.generate();
        String token = tokens.finance("431321001");

        JWTAuthContextInfo inline = new JWTAuthContextInfo();
        inline.setPublicKeyContent(tokens.publicKeyBase64());
        inline.setIssuedBy(DevTokens.ISSUER);
        JWTParser inlineParser = new DefaultJWTParser(inline, new DefaultJWTCallerPrincipalFactory());

        JWTAuthContextInfo file = new JWTAuthContextInfo(
                tokens.writePublicKey(dir.resolve("public-key.pem")).toString(), DevTokens.ISSUER);
        JWTParser fileParser = new DefaultJWTParser(file, new DefaultJWTCallerPrincipalFactory());

        VerifiedTokenCache cache = new VerifiedTokenCache(new DefaultJWTCallerPrincipalFactory(),
                Clock.systemUTC(), VerifiedTokenCache.DEFAULT_TTL, VerifiedTokenCache.DEFAULT_MAX_ENTRIES);
        JWTParser cachedParser = new DefaultJWTParser(inline, cache);

        String[] parts = token.split("\\.");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        String claimsJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        PublicKey key = KeyUtils.decodePublicKey(tokens.publicKeyBase64(), SignatureAlgorithm.RS256);

        for (int round = 1; round <= 2; round++) {
        System.out.printf("%nToken verification, round %d: %d calls after %d warm-up calls, one thread, %d processors%n",
                round, N, WARM_UP, Runtime.getRuntime().availableProcessors());
        double full = time("JWTParser.parse, key inline (mp.jwt.verify.publickey)", () -> inlineParser.parse(token));
        time("JWTParser.parse, key as PEM file (publickey.location)", () -> fileParser.parse(token));
        time("  part: decode the public key (if it were done per request)",
                () -> KeyUtils.decodePublicKey(tokens.publicKeyBase64(), SignatureAlgorithm.RS256));
        time("  part: RSA-2048 SHA256withRSA verify (JCA)", () -> {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signingInput);
            return rsa.verify(signature);
        });
        time("  part: jose4j JWS parse + signature verify", () -> {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            jws.setKey(key);
            return jws.verifySignature();
        });
        time("  part: jose4j claims JSON parse", () -> JwtClaims.parse(claimsJson));
        time("  part: claims JSON parse + principal (DefaultJWTCallerPrincipal)",
                () -> new DefaultJWTCallerPrincipal("JWT", JwtClaims.parse(claimsJson)));
        time("  part: SHA-256 of the token", () -> MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        double hit = time("JWTParser.parse through the verified-token cache (hit)", () -> cachedParser.parse(token));
        System.out.printf("cache hit / full verification: %.1f %%%n%n", 100 * hit / full);
        }
        assertThat(cachedParser.parse(token).getName()).isEqualTo(inlineParser.parse(token).getName());
    }

    private static double time(String what, Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            sink = call.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            sink = call.run();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / N;
        System.out.printf("%-70s %9.1f µs/call%n", what, micros);
        return micros;
    }
}
