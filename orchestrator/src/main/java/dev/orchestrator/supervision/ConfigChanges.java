package dev.orchestrator.supervision;

import java.util.List;

/**
 * What a re-read configuration changes, by group name: supervisord's {@code reloadConfig} answer
 * ({@code [[added, changed, removed]]} in supervisor/rpcinterface.py), named.
 */
public record ConfigChanges(List<String> added, List<String> changed, List<String> removed) {

    public ConfigChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
