package dk.clinic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The PEM files of a local issuer's key pair: a service signs tokens with the private key and verifies with the public. */
public record IssuerKeys(Path publicKey, Path privateKey) {

    /** A new RSA key pair, written to {@code directory} (the private key readable by its owner only). */
    public static IssuerKeys generate(Path directory) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        IssuerKeys keys = in(directory);
        Files.writeString(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(keys.privateKey(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return keys;
    }

    /**
     * The test issuer's key pair that {@link Tokens} signs with, copied to {@code directory}, so services started as
     * processes accept the same tokens as the services under {@code @QuarkusTest}.
     */
    public static IssuerKeys testIssuer(Path directory) throws IOException {
        IssuerKeys keys = in(directory);
        copy("test-issuer/public-key.pem", keys.publicKey());
        copy("test-issuer/private-key.pem", keys.privateKey());
        return keys;
    }

    private static IssuerKeys in(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new IssuerKeys(directory.resolve("issuer-public.pem"), directory.resolve("issuer-private.pem"));
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = IssuerKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from test-support");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
