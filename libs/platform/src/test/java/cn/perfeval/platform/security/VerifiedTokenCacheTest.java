package cn.perfeval.platform.security;

import cn.perfeval.testsupport.DevTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache never accepts what a full verification would refuse (docs/security.md). */
class VerifiedTokenCacheTest {

    private static final DevTokens TOKENS = DevTokens.generate();
    private static final DevTokens OTHER_KEY = DevTokens.generate();

    /** smallrye-jwt's own factory, counting how often it verifies. */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {
        final AtomicInteger verifications = new AtomicInteger();
        private final DefaultJWTCallerPrincipalFactory delegate = new DefaultJWTCallerPrincipalFactory();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verifications.incrementAndGet();
            return delegate.parse(token, context);
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        volatile long millis = System.currentTimeMillis();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private static JWTAuthContextInfo context(DevTokens key) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(key.publicKeyBase64());
        context.setIssuedBy(DevTokens.ISSUER);
        context.setClockSkew(0); // so that "expired" means past exp, to the second
        return context;
    }

    @Test
    void aHitReturnsTheSamePrincipalWithoutVerifyingAgain() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.systemUTC(), Duration.ofSeconds(60), 100);
        JWTAuthContextInfo context = context(TOKENS);
        String token = TOKENS.finance("431321001");

        JWTCallerPrincipal first = cache.parse(token, context);
        JWTCallerPrincipal second = cache.parse(token, context);

        assertThat(second).isSameAs(first);
        assertThat(second.getName()).isEqualTo("finance-431321001");
        assertThat(second.getGroups()).containsExactly("finance");
        assertThat(second.getClaim("unit").toString()).contains("431321001");
        assertThat(verifier.verifications).hasValue(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefusedEvenIfItWasRememberedBeforeItExpired() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(new CountingVerifier(), Clock.systemUTC(),
                Duration.ofSeconds(60), 100);
        JWTAuthContextInfo context = context(TOKENS);
        String token = TOKENS.token("u", "admin", null, null, DevTokens.ISSUER, Duration.ofSeconds(2));

        JWTCallerPrincipal principal = cache.parse(token, context);
        assertThat(cache.parse(token, context)).isSameAs(principal);
        assertThat(cache.size()).isEqualTo(1);

        long expMillis = principal.getExpirationTime() * 1000L;
        while (System.currentTimeMillis() <= expMillis + 50) {
            Thread.sleep(100);
        }
        assertThatThrownBy(() -> cache.parse(token, context)).isInstanceOf(ParseException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryLivesNoLongerThanTheTtl() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofSeconds(60), 100);
        JWTAuthContextInfo context = context(TOKENS);
        String token = TOKENS.admin();

        cache.parse(token, context);
        clock.millis += 59_000;
        cache.parse(token, context);
        assertThat(verifier.verifications).hasValue(1);
        clock.millis += 1_000;
        cache.parse(token, context);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void aTokenWithAWrongSignatureOrIssuerIsRefusedAndNotRemembered() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(new CountingVerifier(), Clock.systemUTC(),
                Duration.ofSeconds(60), 100);
        JWTAuthContextInfo context = context(TOKENS);
        String good = TOKENS.admin();
        cache.parse(good, context);

        String signedByAnotherKey = OTHER_KEY.admin();
        String[] parts = good.split("\\.");
        String otherSignature = signedByAnotherKey.substring(signedByAnotherKey.lastIndexOf('.') + 1);
        String tampered = parts[0] + "." + parts[1] + "." + otherSignature;
        String foreignIssuer = TOKENS.token("admin", "admin", null, null, "https://idp.elsewhere", Duration.ofHours(1));

        for (String bad : new String[] {signedByAnotherKey, tampered, foreignIssuer}) {
            assertThatThrownBy(() -> cache.parse(bad, context)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> cache.parse(bad, context)).isInstanceOf(ParseException.class);
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    /** As {@code JWTParser.verify(token, key)} makes them: the key itself in the settings. */
    private static JWTAuthContextInfo contextWithKey(DevTokens key) throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(key.publicKeyBase64(), SignatureAlgorithm.RS256), DevTokens.ISSUER);
        context.setClockSkew(0);
        return context;
    }

    @Test
    void aTokenRememberedUnderOneKeyIsVerifiedAgainUnderAnother() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.systemUTC(), Duration.ofSeconds(60), 100);
        String token = TOKENS.admin();
        JWTAuthContextInfo right = contextWithKey(TOKENS);
        cache.parse(token, right);
        assertThat(cache.parse(token, right).getName()).isEqualTo("admin");
        assertThat(verifier.verifications).hasValue(1);

        assertThatThrownBy(() -> cache.parse(token, contextWithKey(OTHER_KEY))).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.systemUTC(), Duration.ofSeconds(60), 3);
        JWTAuthContextInfo context = context(TOKENS);
        for (int i = 0; i < 10; i++) {
            assertThat(cache.parse(TOKENS.finance("43132100" + i), context).getName()).isEqualTo("finance-43132100" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(verifier.verifications).hasValue(10);
    }
}
