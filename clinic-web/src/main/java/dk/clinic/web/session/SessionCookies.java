package dk.clinic.web.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The two cookies a signed-in browser holds. The session cookie is the {@link UserSession} sealed with AES-GCM: the
 * browser can neither read the token in it nor change a byte without the cookie being refused. The CSRF token is a
 * random value with an HMAC binding it to the user; a page sends it back in a header on every change, and a request
 * from another site cannot, because it can neither read the cookie nor forge a value for this user.
 */
public final class SessionCookies {

    public static final String SESSION = "clinic_session";
    public static final String CSRF = "clinic_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec sealing;
    private final SecretKeySpec signing;
    private final SecureRandom random = new SecureRandom();

    public SessionCookies(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("clinic.web.session-secret must be at least 32 characters");
        }
        this.sealing = new SecretKeySpec(derive(secret, "session cookie"), "AES");
        this.signing = new SecretKeySpec(derive(secret, "csrf token"), "HmacSHA256");
    }

    public String seal(UserSession session) {
        ObjectNode payload = JSON.createObjectNode()
                .put("n", session.name())
                .put("t", session.token())
                .put("e", session.expiresAt().getEpochSecond());
        session.roles().forEach(payload.putArray("r")::add);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(payload));
            return ENCODE.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot seal a session", e);
        }
    }

    /** The session in a cookie this server sealed; empty for anything else (altered, foreign, malformed). */
    public Optional<UserSession> open(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = DECODE.decode(cookie);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            JsonNode payload = JSON.readTree(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
            Set<String> roles = new HashSet<>();
            payload.path("r").forEach(role -> roles.add(role.asText()));
            return Optional.of(new UserSession(payload.path("n").asText(), roles, payload.path("t").asText(),
                    Instant.ofEpochSecond(payload.path("e").asLong())));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** A fresh CSRF token for {@code user}. */
    public String csrfToken(String user) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        String value = ENCODE.encodeToString(nonce);
        return value + "." + mac(value, user);
    }

    /** Whether the header repeats the cookie, and the cookie is a token this server made for {@code user}. */
    public boolean csrfHolds(String cookie, String header, String user) {
        if (cookie == null || header == null || user == null
                || !MessageDigest.isEqual(cookie.getBytes(UTF_8), header.getBytes(UTF_8))) {
            return false;
        }
        int dot = cookie.indexOf('.');
        return dot > 0 && MessageDigest.isEqual(cookie.substring(dot + 1).getBytes(UTF_8),
                mac(cookie.substring(0, dot), user).getBytes(UTF_8));
    }

    private String mac(String value, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signing);
            return ENCODE.encodeToString(mac.doFinal((value + "|" + user).getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a CSRF token", e);
        }
    }

    private static byte[] derive(String secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
