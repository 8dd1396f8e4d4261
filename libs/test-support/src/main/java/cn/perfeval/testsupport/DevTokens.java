package cn.perfeval.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A development identity provider: an RSA key pair made at start-up, and bearer JWTs (RS256)
 * signed with it, shaped as the county's identity provider issues them.
 *
 * <p>Claims: {@code iss} = {@link #ISSUER}, {@code sub} and {@code upn} = the user,
 * {@code groups} = the role ({@code admin}, {@code finance}, {@code evaluator}, {@code viewer}),
 * {@code unit} = the budget unit code of a {@code finance} user, {@code county} = the county of an
 * {@code evaluator} (or of a county-scoped {@code viewer}).
 *
 * <p>Used by the tests (each JVM signs its own tokens) and by the local launcher, which prints one
 * token per role. Never a production identity provider: the private key lives in memory only.
 */
public final class DevTokens {

    /** Issuer the services expect by default ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://idp.perfeval.local";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String SHARED_PRIVATE = "perfeval.dev-tokens.private-key";
    private static final String SHARED_PUBLIC = "perfeval.dev-tokens.public-key";
    private static volatile DevTokens shared;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private DevTokens(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = UUID.nameUUIDFromBytes(publicKey.getEncoded()).toString();
    }

    /** A new key pair. */
    public static DevTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevTokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /**
     * One key pair for the whole JVM: the Quarkus test resource and the test classes are loaded by
     * different class loaders, so the pair is kept in system properties, which they all see.
     */
    public static DevTokens shared() {
        DevTokens local = shared;
        if (local == null) {
            synchronized (System.class) {
                String privateKey = System.getProperty(SHARED_PRIVATE);
                String publicKey = System.getProperty(SHARED_PUBLIC);
                if (privateKey == null || publicKey == null) {
                    DevTokens made = generate();
                    System.setProperty(SHARED_PRIVATE, Base64.getEncoder().encodeToString(made.privateKey.getEncoded()));
                    System.setProperty(SHARED_PUBLIC, made.publicKeyBase64());
                    local = made;
                } else {
                    local = fromEncoded(privateKey, publicKey);
                }
                shared = local;
            }
        }
        return local;
    }

    private static DevTokens fromEncoded(String privateKey, String publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DevTokens(new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the shared development key pair is unreadable", e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), as {@code mp.jwt.verify.publickey.location} reads it. */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key as bare base64 (X.509 DER), as the inline {@code mp.jwt.verify.publickey} takes it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** Writes the public key PEM to {@code file} and returns the file. */
    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    public String admin() {
        return token("admin", "admin", null, null);
    }

    public String finance(String unitCode) {
        return token("finance-" + unitCode, "finance", unitCode, null);
    }

    public String evaluator(String county) {
        return token("evaluator", "evaluator", null, county);
    }

    public String viewer() {
        return token("viewer", "viewer", null, null);
    }

    /** A token valid for 12 hours. {@code unit} and {@code county} are left out when null. */
    public String token(String user, String role, String unit, String county) {
        return token(user, role, unit, county, ISSUER, Duration.ofHours(12));
    }

    /** A token with every part chosen, for tests of expired or foreign tokens. */
    public String token(String user, String role, String unit, String county, String issuer, Duration validFor) {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.plus(validFor).minusSeconds(60) : now;
        StringBuilder claims = new StringBuilder("{");
        field(claims, "iss", issuer).append(',');
        field(claims, "sub", user).append(',');
        field(claims, "upn", user).append(',');
        field(claims, "jti", UUID.randomUUID().toString()).append(',');
        claims.append("\"groups\":[").append(quote(role)).append("],");
        if (unit != null) {
            field(claims, "unit", unit).append(',');
        }
        if (county != null) {
            field(claims, "county", county).append(',');
        }
        claims.append("\"iat\":").append(issued.getEpochSecond()).append(',');
        claims.append("\"exp\":").append(now.plus(validFor).getEpochSecond()).append('}');
        return sign(claims.toString());
    }

    /** Signs arbitrary claims JSON (for tests of malformed claims). */
    public String sign(String claimsJson) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + quote(keyId) + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append(quote(name)).append(':').append(quote(value));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
