package dev.nbo.serving.store;

import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import dev.nbo.models.online.OnlineSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The online store on Redis, for several serving instances sharing one state. Keys are namespaced by a prefix so
 * that several environments can share a server: {@code <prefix>c:<customer>} and {@code <prefix>o:<offer>} hold
 * {@link RecordCodec} bytes, {@code <prefix>products} is a hash of product to category and {@code <prefix>meta} a
 * hash of metadata. One key per customer (not one big hash) lets a Redis Cluster spread customers over its shards.
 *
 * <p>Durability is the server's (RDB/AOF as configured there). Bulk loads are pipelined in batches of
 * {@link #PIPELINE_BATCH} commands to avoid a round trip per record.
 */
public final class RedisOnlineStore implements OnlineStore {
    static final int PIPELINE_BATCH = 1000;
    private static final String SPEC_HASH = "spec_hash";
    private static final String WATERMARK = "watermark_us";
    private static final String EVENTS_APPLIED = "events_applied";
    /** Raises the watermark atomically on the server, so that concurrent writers from several instances never lower it. */
    private static final String ADVANCE = """
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if (not current) or tonumber(current) < tonumber(ARGV[2]) then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            return 0
            """;

    private final JedisPool pool;
    private final String prefix;

    public RedisOnlineStore(String host, int port, String prefix, int poolSize) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("the Redis key prefix must not be empty (got '" + prefix + "'); use"
                    + " e.g. 'nbo:' so that the store's keys are told apart from others");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the Redis pool size must be at least 1, got " + poolSize);
        }
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(poolSize);
        config.setMaxIdle(poolSize);
        this.pool = new JedisPool(config, host, port);
        this.prefix = prefix;
    }

    @Override
    public Optional<CustomerRecord> customer(CustomerId id) {
        byte[] bytes = call(jedis -> jedis.get(customerKey(id.value())));
        return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeCustomer(id.value(), bytes));
    }

    @Override
    public void putCustomer(CustomerId id, CustomerRecord record) {
        byte[] bytes = RecordCodec.encodeCustomer(id.value(), record);
        call(jedis -> jedis.set(customerKey(id.value()), bytes));
    }

    @Override
    public boolean deleteCustomer(CustomerId id) {
        return call(jedis -> jedis.del(customerKey(id.value()))) > 0;
    }

    @Override
    public Optional<OfferRecord> offer(OfferId id) {
        byte[] bytes = call(jedis -> jedis.get(offerKey(id.value())));
        return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeOffer(bytes));
    }

    @Override
    public Map<OfferId, OfferRecord> offers(Collection<OfferId> ids) {
        Map<OfferId, OfferRecord> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<OfferId> ordered = List.copyOf(ids);
        byte[][] keys = ordered.stream().map(id -> offerKey(id.value())).toArray(byte[][]::new);
        List<byte[]> values = call(jedis -> jedis.mget(keys));
        for (int i = 0; i < ordered.size(); i++) {
            if (values.get(i) != null) {
                found.put(ordered.get(i), RecordCodec.decodeOffer(values.get(i)));
            }
        }
        return found;
    }

    @Override
    public void putOffer(OfferRecord record) {
        OfferId id = OfferId.of(record.offerId());
        byte[] bytes = RecordCodec.encodeOffer(record);
        call(jedis -> jedis.set(offerKey(id.value()), bytes));
    }

    @Override
    public Optional<String> category(String productId) {
        return Optional.ofNullable(call(jedis -> jedis.hget(prefix + "products", productId)));
    }

    @Override
    public LoadSummary bulkLoad(OnlineSnapshot snapshot) {
        long[] counts = new long[3];
        try (Jedis jedis = pool.getResource(); Pipeline pipeline = jedis.pipelined()) {
            snapshot.forEachCustomer(record -> {
                String id = record.profile().customerId();
                pipeline.set(customerKey(id), RecordCodec.encodeCustomer(id, record));
                flushEvery(pipeline, ++counts[0]);
            });
            snapshot.forEachOffer(record -> {
                pipeline.set(offerKey(record.offerId()), RecordCodec.encodeOffer(record));
                flushEvery(pipeline, ++counts[1]);
            });
            for (Map.Entry<String, String> product : snapshot.productCategories().entrySet()) {
                if (product.getValue() != null) {
                    pipeline.hset(prefix + "products", product.getKey(), product.getValue());
                    flushEvery(pipeline, ++counts[2]);
                }
            }
            pipeline.hset(metaKey(), SPEC_HASH, snapshot.manifest().specHash());
            pipeline.sync();
        }
        advanceWatermark(snapshot.manifest().asOfMicros());
        return new LoadSummary(counts[0], counts[1], counts[2]);
    }

    private static void flushEvery(Pipeline pipeline, long count) {
        if (count % PIPELINE_BATCH == 0) {
            pipeline.sync();
        }
    }

    @Override
    public long customerCount() {
        return count(prefix + "c:*");
    }

    @Override
    public long offerCount() {
        return count(prefix + "o:*");
    }

    /** SCAN, not KEYS: counting is for operators and metrics, and must not block a shared server. */
    private long count(String pattern) {
        try (Jedis jedis = pool.getResource()) {
            ScanParams params = new ScanParams().match(pattern).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            long count = 0;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                count += page.getResult().size();
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return count;
        }
    }

    @Override
    public Optional<String> specHash() {
        return Optional.ofNullable(call(jedis -> jedis.hget(metaKey(), SPEC_HASH)));
    }

    @Override
    public OptionalLong watermarkMicros() {
        String value = call(jedis -> jedis.hget(metaKey(), WATERMARK));
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    @Override
    public void advanceWatermark(long micros) {
        call(jedis -> jedis.eval(ADVANCE, List.of(metaKey()), List.of(WATERMARK, Long.toString(micros))));
    }

    /** Written after the rows it covers (Redis has no commit spanning them): a crash in between re-applies a round. */
    @Override
    public void markEventsApplied(long sequence) {
        call(jedis -> jedis.hset(metaKey(), EVENTS_APPLIED, Long.toString(sequence)));
    }

    @Override
    public OptionalLong eventsApplied() {
        String value = call(jedis -> jedis.hget(metaKey(), EVENTS_APPLIED));
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Redis online store (prefix " + prefix + ")";
    }

    private <T> T call(Function<Jedis, T> command) {
        try (Jedis jedis = pool.getResource()) {
            return command.apply(jedis);
        }
    }

    private byte[] customerKey(String customerId) {
        return (prefix + "c:" + customerId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] offerKey(String offerId) {
        return (prefix + "o:" + offerId).getBytes(StandardCharsets.UTF_8);
    }

    private String metaKey() {
        return prefix + "meta";
    }
}
