package dev.nbo.serving.content;

import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The email blocks of {@code blocks.yaml}, in file order, validated against the offer catalog at load. */
public final class BlockCatalog {
    private final String origin;
    private final Map<String, Block> blocks;

    public BlockCatalog(String origin, List<Block> blocks) {
        this.origin = origin;
        Map<String, Block> index = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (index.putIfAbsent(block.id(), block) != null) {
                throw new IllegalArgumentException(origin + ": duplicate block id '" + block.id() + "'");
            }
        }
        this.blocks = Collections.unmodifiableMap(index);
    }

    /**
     * Loads {@code blocks.yaml}: reads every field, checks the offers and categories against {@code offers}, parses
     * every template (paths relative to the blocks file) and renders every fallback once.
     *
     * @throws dev.nbo.models.config.InvalidConfigException naming the file, line, block and problem
     */
    public static BlockCatalog load(Path blocksYaml, OfferCatalog offers) {
        return BlockCatalogLoader.load(blocksYaml, offers);
    }

    public String origin() {
        return origin;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks.values());
    }

    public Optional<Block> block(String id) {
        return Optional.ofNullable(blocks.get(id));
    }

    /** The block ids, in file order, e.g. for an error that names the blocks a request may ask for. */
    public List<String> ids() {
        return List.copyOf(blocks.keySet());
    }
}
