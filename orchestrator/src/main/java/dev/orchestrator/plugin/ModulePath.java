package dev.orchestrator.plugin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canopsis 2017+ launcher lines name the engine's Python module, not its type: {@code engine-launcher -e
 * canopsis.engines.cleaner} (the 2018 tree's {@code etc/engines/*.ini}), which the original launcher imports
 * ({@code sources/canopsis/scripts/engine-launcher}, {@code EngineLauncher.load_module}: {@code
 * import_module(self.etype)}). A module of an {@code engines} package ({@code canopsis.engines.X}, and the same
 * layout of other distributions such as {@code canopsis_cat.engines.X}) stands for the engine type {@code X}.
 */
public final class ModulePath {

    private static final Pattern ENGINE_MODULE =
            Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)*engines\\.([a-z_][a-z0-9_]*)");

    private ModulePath() { }

    /** The engine type that the module path {@code name} stands for, if it is one. */
    public static Optional<String> engineType(String name) {
        Matcher m = ENGINE_MODULE.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
