package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.logging.log4j.Logger;

/**
 * The JSON file an event_filter reads its rules from, and the rules last read from it, the way Canopsis re-read
 * its MongoDB collection on every beat. {@link #refresh} reads the file again only when its size or modification
 * time changed; a bad version is reported once and the last good rules stay in use.
 */
final class RulesFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private Object stamp;
    private RuleSet rules;

    /** Reads the rules a first time; an {@link IllegalArgumentException} gives the one-line reason, file name included. */
    RulesFile(Path path, Logger logger) {
        this.path = path;
        this.rules = read();
        logger.info("Loaded {} rules from {}", rules.size(), path);
        rules.warnings().forEach(warning -> logger.warn("{}: {}", path, warning));
    }

    RuleSet rules() {
        return rules;
    }

    /** Reads the file again if it changed: the new rules replace the old ones only when the whole file is good. */
    void refresh(Logger logger) {
        if (stamp().equals(stamp)) return;
        try {
            rules = read();
            logger.info("Loaded {} rules from {} (changed)", rules.size(), path);
            rules.warnings().forEach(warning -> logger.warn("{}: {}", path, warning));
        } catch (IllegalArgumentException e) {
            logger.error("rules not reloaded, keeping the {} rules in use: {}", rules.size(), e.getMessage());
        }
    }

    private RuleSet read() {
        try {
            stamp = stamp();
            return RuleSet.parse(JSON.readTree(Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    private Object stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}
