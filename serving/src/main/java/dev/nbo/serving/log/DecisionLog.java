package dev.nbo.serving.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbo.models.feature.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Every served decision, durable, one JSON object per record (one line each when exported as JSON lines):
 * {@code request_id}, {@code time} (ISO-8601), {@code customer_id}, {@code block}, {@code strategy},
 * {@code experiment_arm}, {@code candidates} ({@code [{offer_id, score}]}), {@code chosen}, {@code model_version}, and
 * in experiments {@code experiment}, {@code arm_probability}, {@code override} and {@code policy_choices}
 * ({@code {arm: first offer}}).
 *
 * <p>GDPR erasure ({@link #erase}) rewrites the log in place: the customer id of each of the customer's decisions
 * becomes null and {@code erased} true; the rest of the decision (block, offers, scores, arm, model) stays, as it no
 * longer says whom it was about, so A/B counts and model reports keep their totals.
 */
public final class DecisionLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AppendLog log;

    public DecisionLog(AppendLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Opens (creating if needed) a decision log in {@code folder}, on a {@link FileAppendLog}. */
    public static DecisionLog open(Path folder) {
        return new DecisionLog(FileAppendLog.open(folder));
    }

    /**
     * Appends one decision, durable when this returns; concurrent callers share one fsync.
     *
     * @return its sequence in the log
     * @throws IllegalArgumentException if the decision has no customer id (only erased decisions lack one)
     */
    public long append(DecisionRecord decision) {
        if (decision.customerId() == null) {
            throw new IllegalArgumentException("decision " + decision.requestId() + " has no customer id; only an"
                    + " erased decision lacks one and it is never appended");
        }
        return log.append(List.of(encode(decision)));
    }

    /** Appends several decisions as one write and one fsync, in order. */
    public long appendAll(List<DecisionRecord> decisions) {
        List<byte[]> records = new java.util.ArrayList<>(decisions.size());
        for (DecisionRecord decision : decisions) {
            if (decision.customerId() == null) {
                throw new IllegalArgumentException("decision " + decision.requestId() + " has no customer id");
            }
            records.add(encode(decision));
        }
        return log.append(records);
    }

    /** Every decision, oldest first. */
    public void replay(Consumer<DecisionRecord> consumer) {
        log.replay(record -> consumer.accept(decode(record)));
    }

    /**
     * Every decision made after {@code afterMicros}, oldest first, and some made before it: the log is read from the
     * last segment whose first decision is not after that time, so that a start replaying a week of frequency caps
     * does not decode years of decisions. Decisions are appended in the order they were made (give or take the
     * milliseconds between a request thread and the background writer), so the segments before it hold only older
     * ones.
     */
    public void replayAfter(long afterMicros, Consumer<DecisionRecord> consumer) {
        long from = 0;
        long size = log.size();
        for (long start : log.segmentStarts()) {
            if (start >= size) {
                break;
            }
            OptionalLong first = firstDecisionMicros(start);
            if (first.isEmpty() || first.getAsLong() > afterMicros) {
                break;
            }
            from = start;
        }
        log.replay(from, (sequence, payload) -> consumer.accept(decode(payload)));
    }

    /**
     * Deletes the decisions made before {@code cutoffMicros}, whole segments at a time (retention): a segment goes when
     * the segment after it starts with a decision made before the cutoff, so every decision it holds is older (give
     * or take the milliseconds of the background writer, as in {@link #replayAfter}). The segment being written is
     * kept, so some older decisions stay until it is closed.
     *
     * @return how many decisions were deleted
     */
    public long deleteBefore(long cutoffMicros) {
        List<Long> starts = log.segmentStarts();
        long before = -1;
        for (int i = 1; i < starts.size(); i++) {
            OptionalLong first = firstDecisionMicros(starts.get(i));
            if (first.isEmpty() || first.getAsLong() >= cutoffMicros) {
                break;
            }
            before = starts.get(i);
        }
        return before < 0 ? 0 : log.deleteBefore(before);
    }

    /** When the segment starting at {@code segmentStart} began: the time of its first decision, if it has one. */
    private OptionalLong firstDecisionMicros(long segmentStart) {
        Optional<byte[]> first = log.read(segmentStart);
        return first.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Window.micros(decode(first.get()).time()));
    }

    /**
     * Reads the decisions of the log in {@code folder} without opening it (safe while the server appends; see
     * {@link FileAppendLogReader}), oldest first.
     *
     * @return how many decisions were read
     */
    public static long read(Path folder, Consumer<DecisionRecord> consumer) {
        return FileAppendLogReader.read(folder, (sequence, record) -> consumer.accept(decode(record)));
    }

    /**
     * Removes {@code customerId} from every decision in the log (see the class comment); blocks appends while it
     * rewrites the log.
     *
     * @return how many decisions were about this customer
     */
    public int erase(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        AtomicInteger erased = new AtomicInteger();
        log.rewrite(record -> {
            ObjectNode node = tree(record);
            if (!customerId.equals(node.path("customer_id").textValue())) {
                return record;
            }
            erased.incrementAndGet();
            node.putNull("customer_id");
            node.put("erased", true);
            return bytes(node);
        });
        return erased.get();
    }

    @Override
    public void close() {
        log.close();
    }

    static byte[] encode(DecisionRecord decision) {
        ObjectNode node = JSON.createObjectNode();
        node.put("request_id", decision.requestId());
        node.put("time", decision.time().toString());
        node.put("customer_id", decision.customerId());
        node.put("block", decision.block());
        node.put("strategy", decision.strategy());
        node.put("experiment_arm", decision.experimentArm());
        ArrayNode candidates = node.putArray("candidates");
        for (ScoredOffer candidate : decision.candidates()) {
            candidates.addObject().put("offer_id", candidate.offerId()).put("score", candidate.score());
        }
        ArrayNode chosen = node.putArray("chosen");
        decision.chosen().forEach(chosen::add);
        node.put("model_version", decision.modelVersion());
        if (decision.experiment() != null) {
            node.put("experiment", decision.experiment());
            node.put("arm_probability", decision.armProbability());
            node.put("override", decision.override());
            ObjectNode choices = node.putObject("policy_choices");
            decision.policyChoices().forEach(choices::put);
        }
        return bytes(node);
    }

    static DecisionRecord decode(byte[] record) {
        ObjectNode node = tree(record);
        List<ScoredOffer> candidates = new ArrayList<>();
        for (JsonNode candidate : node.path("candidates")) {
            candidates.add(new ScoredOffer(candidate.path("offer_id").textValue(),
                    candidate.path("score").doubleValue()));
        }
        List<String> chosen = new ArrayList<>();
        node.path("chosen").forEach(offer -> chosen.add(offer.textValue()));
        Map<String, String> choices = new LinkedHashMap<>();
        node.path("policy_choices").fields().forEachRemaining(e -> choices.put(e.getKey(), e.getValue().textValue()));
        return new DecisionRecord(node.path("request_id").textValue(), Instant.parse(node.path("time").textValue()),
                node.path("customer_id").textValue(), node.path("block").textValue(),
                node.path("strategy").textValue(), node.path("experiment_arm").textValue(), candidates, chosen,
                node.path("model_version").textValue(), node.path("experiment").textValue(),
                node.hasNonNull("arm_probability") ? node.get("arm_probability").doubleValue() : null,
                node.path("override").asBoolean(false), choices);
    }

    private static ObjectNode tree(byte[] record) {
        try {
            return (ObjectNode) JSON.readTree(record);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a record of the decision log is not a decision: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
