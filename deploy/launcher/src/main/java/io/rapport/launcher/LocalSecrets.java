package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

import io.rapport.devstack.DevTokens;

/**
 * The key pair and secrets of this installation, created on first use and kept (next to the data) so a
 * second run verifies the same tokens and computes the same pseudonyms. The services run in their production
 * profile with them: it refuses the repository's public dev key.
 */
public final class LocalSecrets {

    /** The issuer of this installation's tokens. */
    public static final String ISSUER = "https://rapport.local/issuer";

    private final Path dir;
    private final PrivateKey privateKey;
    private final Properties secrets = new Properties();

    private LocalSecrets(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            if (!Files.exists(privateKeyFile())) {
                generate();
            }
            this.privateKey = readPrivateKey();
            try (var in = Files.newInputStream(dir.resolve("secrets.properties"))) {
                secrets.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local secrets in " + dir, e);
        }
    }

    public static LocalSecrets in(Path dir) {
        return new LocalSecrets(dir);
    }

    public Path publicKeyFile() {
        return dir.resolve("publicKey.pem");
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** What signs this installation's tokens: its private key, for its own issuer. */
    public DevTokens.Signer signer() {
        return new DevTokens.Signer(privateKey, ISSUER);
    }

    /** A named secret (HMAC keys of erasure and pseudonyms). */
    public String secret(String name) {
        return secrets.getProperty(name);
    }

    private Path privateKeyFile() {
        return dir.resolve("privateKey.pem");
    }

    private void generate() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            privateKeyFile().toFile().setReadable(false, false);
            privateKeyFile().toFile().setReadable(true, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
        Properties generated = new Properties();
        SecureRandom random = new SecureRandom();
        for (String name : new String[] { "erasure-hash-key", "pseudonym-key" }) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            generated.setProperty(name, HexFormat.of().formatHex(bytes));
        }
        try (var out = Files.newOutputStream(dir.resolve("secrets.properties"))) {
            generated.store(out, "Secrets of this local Rapport installation (not for production)");
        }
    }

    private PrivateKey readPrivateKey() throws IOException {
        String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + privateKeyFile(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
