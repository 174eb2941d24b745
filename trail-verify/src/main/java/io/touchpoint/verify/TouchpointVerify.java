package io.touchpoint.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchpoint.merkle.Bundle;
import io.touchpoint.merkle.Checkpoint;
import io.touchpoint.merkle.Cosignature;
import io.touchpoint.merkle.NoteKeys;
import io.touchpoint.merkle.ProofVerifier;
import io.touchpoint.merkle.SignedNote;
import io.touchpoint.merkle.TreeHash;
import io.touchpoint.merkle.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The offline verifier. Trusts only the verifier key it is given (pinned out of band) and the witness state it
 * keeps itself; everything the service sends is checked. Exit status: 0 verified, 1 verification failed,
 * 2 unusable input.
 */
@Command(name = "touchpoint-verify", mixinStandardHelpOptions = true, version = "touchpoint-verify 0.1.0",
        description = "Verifies Touchpoint's signed trail without trusting the service that serves it.",
        subcommands = {TouchpointVerify.Keygen.class, TouchpointVerify.CheckpointCommand.class, TouchpointVerify.Inclusion.class,
                TouchpointVerify.Consistency.class, TouchpointVerify.Epoch.class, TouchpointVerify.WitnessCommand.class,
                TouchpointVerify.BundleCommand.class})
public class TouchpointVerify {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new TouchpointVerify());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("touchpoint-verify: " + e.getMessage());
            return UNUSABLE;
        });
        line.setExitCodeExceptionMapper(e -> UNUSABLE);
        return line.execute(args);
    }

    /** Failed verification: a clear sentence, exit status 1. */
    static final class NotVerified extends RuntimeException {
        NotVerified(String message) {
            super(message);
        }
    }

    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, description = "The verifier key (name+hash+key), or a file holding it")
        String key;

        @Option(names = "--witness-key", paramLabel = "VKEY", description = {
                "A witness's cosignature/v1 verifier key (or a file holding it); repeat for each witness you trust"})
        List<String> witnessKeys = new ArrayList<>();

        @Option(names = {"--require-witnesses", "--require-witness"}, paramLabel = "N", defaultValue = "0", description = {
                "Accept a checkpoint only if at least N of the --witness-key witnesses validly cosigned it (default 0)"})
        int requiredWitnesses;

        NoteKeys.Verifier verifier() {
            return NoteKeys.verifier(textOrFile(key).strip());
        }

        /** Refuses a checkpoint that fewer than the required number of trusted witnesses cosigned. */
        String requireWitnesses(String note, Checkpoint checkpoint) {
            if (requiredWitnesses <= 0) {
                return "";
            }
            List<Cosignature.Verifier> trusted = witnessKeys.stream().map(k -> Cosignature.verifier(textOrFile(k).strip())).toList();
            if (trusted.size() < requiredWitnesses) {
                throw new IllegalArgumentException("--require-witnesses " + requiredWitnesses + " needs at least that many --witness-key");
            }
            List<Cosignature.Verifier> cosigned = Cosignature.witnesses(note, trusted);
            if (cosigned.size() < requiredWitnesses) {
                throw new NotVerified(checkpoint.origin() + " at size " + checkpoint.size() + " is cosigned by " + cosigned.size()
                        + " of the trusted witnesses, " + requiredWitnesses + " required: it is not witnessed, so it may be a split view");
            }
            return " (witnessed by " + String.join(", ", cosigned.stream().map(Cosignature.Verifier::name).toList()) + ")";
        }

        @Override
        public Integer call() throws Exception {
            try {
                String verdict = verify();
                spec.commandLine().getOut().println("OK " + verdict);
                return VERIFIED;
            } catch (NotVerified | Witness.Rejected | SignedNote.InvalidNote e) {
                spec.commandLine().getErr().println("FAILED " + e.getMessage());
                return FAILED;
            }
        }

        abstract String verify() throws Exception;

        Checkpoint open(String note) {
            return Checkpoint.parse(SignedNote.open(note, verifier()));
        }

        /** Opens a checkpoint that must also carry the required witness cosignatures; returns it with a witness note. */
        Checkpoint openWitnessed(String note, StringBuilder witnessed) {
            Checkpoint checkpoint = open(note);
            witnessed.append(requireWitnesses(note, checkpoint));
            return checkpoint;
        }
    }

    @Command(name = "keygen", description = "Makes a new Ed25519 note key: the signer key (a secret) and the verifier key (to publish).")
    static class Keygen implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(description = "The key's name, e.g. airline.example/access-log")
        String name;

        @Override
        public Integer call() {
            String signer = NoteKeys.generate(name);
            spec.commandLine().getOut().println("signer key (keep secret): " + signer);
            spec.commandLine().getOut().println("verifier key (publish):   " + NoteKeys.signer(signer).verifier().encoded());
            spec.commandLine().getOut().println("witness key (if this key cosigns as a witness): " + Cosignature.signer(signer).verifier().encoded());
            return VERIFIED;
        }
    }

    @Command(name = "checkpoint", description = "Checks a checkpoint's signature and prints its origin, size and root.")
    static class CheckpointCommand extends Base {
        @Parameters(description = "The signed checkpoint file")
        Path file;

        @Override
        String verify() throws IOException {
            StringBuilder witnessed = new StringBuilder();
            Checkpoint checkpoint = openWitnessed(Files.readString(file), witnessed);
            return checkpoint.origin() + " size " + checkpoint.size() + " root " + Base64.getEncoder().encodeToString(checkpoint.root()) + witnessed;
        }
    }

    @Command(name = "inclusion", description = "Checks an inclusion proof (the JSON of /api/trail/entries/{id}/proof or /api/me/access-history/{id}/proof).")
    static class Inclusion extends Base {
        @Parameters(description = "The proof JSON file")
        Path file;

        @Option(names = "--entry", description = "The entry's canonical bytes, when the proof does not carry them")
        Path entryFile;

        @Override
        String verify() throws IOException {
            JsonNode proof = JSON.readTree(file.toFile());
            StringBuilder witnessed = new StringBuilder();
            Checkpoint checkpoint = openWitnessed(text(proof, "checkpoint"), witnessed);
            String entry = entryFile != null ? Files.readString(entryFile, StandardCharsets.UTF_8)
                    : proof.hasNonNull("entry") ? proof.get("entry").asText() : null;
            byte[] leaf;
            if (entry != null) {
                leaf = TreeHash.leaf(entry.getBytes(StandardCharsets.UTF_8));
                if (proof.hasNonNull("leafHash") && !Base64.getEncoder().encodeToString(leaf).equals(proof.get("leafHash").asText())) {
                    throw new NotVerified("the entry does not hash to the proof's leaf hash: the entry was altered");
                }
            } else {
                leaf = Base64.getDecoder().decode(text(proof, "leafHash"));
            }
            long index = number(proof, "leafIndex");
            long size = number(proof, "treeSize");
            if (size != checkpoint.size()) {
                throw new NotVerified("the proof is for size " + size + " but the checkpoint has " + checkpoint.size());
            }
            if (!ProofVerifier.inclusion(leaf, index, size, hashes(proof.get("proof")), checkpoint.root())) {
                throw new NotVerified("leaf " + index + " is not in " + checkpoint.origin() + " at size " + size);
            }
            return (entry == null ? "leaf hash " : "entry ") + "is leaf " + index + " of " + checkpoint.origin() + " at size " + size
                    + (entry == null ? " (entry withheld: only its hash is proven)" : "") + witnessed;
        }
    }

    @Command(name = "consistency", description = "Checks that a newer checkpoint extends an older one (the JSON of /api/trail/trees/{tree}/consistency).")
    static class Consistency extends Base {
        @Option(names = "--old", required = true, description = "The older signed checkpoint file")
        Path oldFile;

        @Option(names = "--new", required = true, description = "The newer signed checkpoint file")
        Path newFile;

        @Parameters(description = "The consistency proof JSON file")
        Path file;

        @Override
        String verify() throws IOException {
            Checkpoint older = open(Files.readString(oldFile));
            StringBuilder witnessed = new StringBuilder();
            Checkpoint newer = openWitnessed(Files.readString(newFile), witnessed);
            if (!older.origin().equals(newer.origin())) {
                throw new NotVerified("the checkpoints are of different logs: " + older.origin() + " and " + newer.origin());
            }
            JsonNode proof = JSON.readTree(file.toFile());
            if (!ProofVerifier.consistency(older.size(), newer.size(), older.root(), newer.root(), hashes(proof.get("proof")))) {
                throw new NotVerified(newer.origin() + " at size " + newer.size() + " does not extend size " + older.size());
            }
            return newer.origin() + " size " + newer.size() + " extends size " + older.size() + witnessed;
        }
    }

    @Command(name = "epoch", description = "Checks that a closed month's final checkpoint is in the epochs tree (the JSON of /api/trail/epochs/{month}/proof).")
    static class Epoch extends Base {
        @Parameters(description = "The epoch proof JSON file")
        Path file;

        @Override
        String verify() throws IOException {
            JsonNode proof = JSON.readTree(file.toFile());
            Checkpoint month = open(text(proof, "epochCheckpoint"));
            StringBuilder witnessed = new StringBuilder();
            Checkpoint epochs = openWitnessed(text(proof, "checkpoint"), witnessed);
            byte[] leaf = TreeHash.leaf(month.body().getBytes(StandardCharsets.UTF_8));
            if (!ProofVerifier.inclusion(leaf, number(proof, "leafIndex"), epochs.size(), hashes(proof.get("proof")), epochs.root())) {
                throw new NotVerified(month.origin() + " is not a closed epoch of " + epochs.origin() + " at size " + epochs.size());
            }
            return month.origin() + " closed at size " + month.size() + ", recorded in " + epochs.origin() + " at size " + epochs.size() + witnessed;
        }
    }

    @Command(name = "witness", description = {
            "Accepts a checkpoint only if it extends the last one accepted for its origin, and remembers it.",
            "Online: --url and --token-file follow every tree of the listing and the epochs tree, and fail on a month",
            "that vanished, a closed month that changed, a tree rolled back, or a second root at a size already seen.",
            "With --cosign-key it cosigns (C2SP cosignature/v1) each accepted checkpoint and gives the service the cosignature.",
            "Offline: --checkpoint (and --proof from the last accepted size) for one tree; --cosign-key prints the cosignature."})
    static class WitnessCommand extends Base {
        @Option(names = "--state", required = true, description = "The witness's own directory of accepted checkpoints")
        Path state;

        @Option(names = "--url", description = "The service's base URL, e.g. https://gateway.example")
        URI url;

        @Option(names = "--token-file", description = "A file holding a compliance-auditor bearer token")
        Path tokenFile;

        @Option(names = "--checkpoint", description = "A signed checkpoint file (offline)")
        Path checkpointFile;

        @Option(names = "--proof", description = "The consistency proof JSON from the last accepted size (offline)")
        Path proofFile;

        @Option(names = "--cosign-key", description = "This witness's signer key (PRIVATE+KEY+...), or a file holding it: cosign what is accepted")
        String cosignKey;

        @Override
        String verify() throws Exception {
            Cosignature.Signer cosigner = cosignKey == null ? null : Cosignature.signer(textOrFile(cosignKey).strip());
            if (checkpointFile != null) {
                Witness witness = new Witness(state, verifier());
                List<byte[]> proof = proofFile == null ? List.of() : TrailWitness.hashes(JSON.readTree(proofFile.toFile()).get("proof"));
                Checkpoint accepted = witness.accept(Files.readString(checkpointFile), proof);
                return "accepted " + accepted.origin() + " at size " + accepted.size()
                        + (cosigner == null ? "" : "\n" + cosigner.cosign(accepted.body(), Instant.now().getEpochSecond()));
            }
            if (url == null || tokenFile == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --checkpoint, or --url with --token-file");
            }
            TrailWitness.Outcome outcome = new TrailWitness(new Http(url, Files.readString(tokenFile).strip()), verifier(), state, cosigner,
                    Clock.systemUTC()).run();
            String accepted = "accepted " + outcome.accepted().size() + " trees"
                    + (outcome.accepted().isEmpty() ? "" : ":\n  " + String.join("\n  ", outcome.accepted()))
                    + (outcome.cosigned().isEmpty() ? "" : "\ncosigned " + outcome.cosigned().size() + ":\n  " + String.join("\n  ", outcome.cosigned()));
            if (!outcome.problems().isEmpty()) {
                throw new NotVerified(outcome.problems().size() + " problem(s):\n  " + String.join("\n  ", outcome.problems())
                        + "\n" + accepted);
            }
            return accepted;
        }
    }

    @Command(name = "bundle", description = {
            "Re-verifies a downloaded range bundle (GET /api/trail/trees/{tree}/bundle) with only the public key:",
            "every leaf is recomputed from its entry bytes and folded into the signed root; with --previous, the checkpoint",
            "you held before must be a prefix of the bundle's tree. --require-witnesses applies to the bundle's checkpoint."})
    static class BundleCommand extends Base {
        @Parameters(description = "The bundle file")
        Path file;

        @Option(names = "--previous", description = "A signed checkpoint of the same tree you held before (e.g. from your last run)")
        Path previousFile;

        @Override
        String verify() throws IOException {
            Checkpoint previous = previousFile == null ? null : open(Files.readString(previousFile));
            Bundle.Verified verified;
            try (InputStream in = Files.newInputStream(file)) {
                verified = Bundle.verify(in, verifier(), previous);
            } catch (Bundle.Invalid e) {
                throw new NotVerified(e.getMessage());
            }
            String witnessed = requireWitnesses(verified.signedNote(), verified.checkpoint());
            return verified.entries() + " entries [" + verified.from() + ", " + verified.to() + ") re-hashed and folded into the signed root of "
                    + verified.checkpoint().origin() + " at size " + verified.checkpoint().size()
                    + (verified.previousChecked() == null ? "" : "; the held checkpoint at size " + verified.previousChecked() + " is a prefix")
                    + witnessed;
        }
    }

    private record Http(URI base, String token) implements TrailWitness.Service {
        @Override
        public String get(String path) throws IOException, InterruptedException {
            return send(path, HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        @Override
        public String post(String path, String textBody) throws IOException, InterruptedException {
            return send(path, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(textBody, StandardCharsets.UTF_8)));
        }

        private String send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    static String textOrFile(String value) {
        Path path = Path.of(value);
        try {
            return Files.isRegularFile(path) ? Files.readString(path) : value;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + value + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            throw new IllegalArgumentException("the JSON has no " + field);
        }
        return node.get(field).asText();
    }

    private static long number(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field) || !node.get(field).canConvertToLong()) {
            throw new IllegalArgumentException("the JSON has no numeric " + field);
        }
        return node.get(field).asLong();
    }

    private static List<byte[]> hashes(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("the JSON has no proof array");
        }
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }
}
