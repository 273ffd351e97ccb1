package dev.orchestrator.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole configuration tree: the supervisord main file, the files its {@code [include]} names,
 * {@code amqp2engines.conf} and {@code amqp.conf} beside the main file. Never throws: every problem, with file,
 * line, section and key, is in {@link Configuration#problems()}.
 */
public final class ConfigLoader {

    /** The Canopsis engine-section file read from the main file's directory when present. */
    public static final String ENGINES_FILE = "amqp2engines.conf";

    private static final String INCLUDE = "include";

    private final Path mainFile;
    private final Path here;
    private final Map<String, String> environment;
    private final Path home;
    private final Problems problems = new Problems();

    private ConfigLoader(Path mainFile, Map<String, String> environment, Path home) {
        this.mainFile = mainFile.toAbsolutePath().normalize();
        Path dir = this.mainFile.getParent();
        this.here = dir == null ? Path.of("/") : dir;
        this.environment = environment;
        this.home = home;
    }

    /** Loads {@code mainFile} with the process environment and the installation's home ({@link Home}). */
    public static Configuration load(Path mainFile) {
        return load(mainFile, System.getenv(), Home.get());
    }

    /** Loads {@code mainFile} with {@code environment} for {@code %(ENV_X)s} and {@code home} for default paths. */
    public static Configuration load(Path mainFile, Map<String, String> environment, Path home) {
        return new ConfigLoader(mainFile, environment, home).load();
    }

    /**
     * The control socket the CLI talks to for {@code mainFile}, looked up before every control command: as
     * supervisorctl does, {@code [supervisorctl] serverurl=unix://PATH} of the main file alone; without it, the
     * daemon's {@code [unix_http_server] file=} of the main file and its includes, read exactly as {@link #load}
     * reads it but nothing else (no other section, no amqp2engines.conf). The default when the file is missing or
     * wrong (the daemon says why).
     */
    public static Path socketFile(Path mainFile) {
        ConfigLoader loader = new ConfigLoader(mainFile, System.getenv(), Home.get());
        Map<String, Object> names = Expansions.base(loader.here, loader.environment);
        IniDocument doc = loader.readMainFile();
        Path client = SupervisordReader.clientSocketFile(doc, loader.here, names, loader.problems);
        if (client != null) return client;
        loader.include(doc, names);
        return SupervisordReader.socketFile(doc, loader.here, loader.home, names, loader.problems);
    }

    private Configuration load() {
        Map<String, Object> names = Expansions.base(here, environment);
        IniDocument doc = readFiles(names);
        SupervisordReader.Result daemon = SupervisordReader.read(doc, here, home, names, problems);
        names = Expansions.withEnvironment(names, daemon.environment());
        Sections sections = Sections.of(doc, problems);
        ProgramReader programs = new ProgramReader(names, daemon.environment(), here,
                daemon.settings().childLogDir(), problems);
        List<GroupConfig> groups = new GroupAssembler(programs, names, problems)
                .assemble(sections.programs(), sections.groups());
        AmqpConfReader.Master master = AmqpConfReader.read(here, names, problems);
        EngineReader engineReader = new EngineReader(names, problems, master.queueType());
        Map<String, EngineConfig> engineSections = new LinkedHashMap<>();
        sections.engines().forEach((name, section) -> engineSections.put(name, engineReader.read(section, name)));
        Map<String, EngineConfig> allEngines = ConsistencyCheck.check(groups, engineSections,
                master.queueType(), problems);
        AmqpSettings amqp = AmqpSettings.resolve(environment, master.settings());
        return new Configuration(mainFile, daemon.settings(), groups, Map.copyOf(allEngines), amqp,
                problems.list().stream().distinct().toList());
    }

    /** The main file, the files it includes and amqp2engines.conf, in one document. */
    private IniDocument readFiles(Map<String, Object> names) {
        IniDocument doc = readSupervisordFiles(names);
        Path engines = here.resolve(ENGINES_FILE);
        if (Files.isRegularFile(engines)) IniReader.read(engines, doc, problems);
        return doc;
    }

    /** The main file and the files it includes, in one document. */
    private IniDocument readSupervisordFiles(Map<String, Object> names) {
        IniDocument doc = readMainFile();
        include(doc, names);
        return doc;
    }

    /** The main file alone (an empty document and the error when it is missing). */
    private IniDocument readMainFile() {
        IniDocument doc = new IniDocument();
        if (!Files.isRegularFile(mainFile)) {
            problems.error(new Source(mainFile, 0, null, null), "no such configuration file (expected the"
                    + " supervisord main file: pass -c FILE or set ORCHESTRATOR_CONFIG)");
        } else {
            IniReader.read(mainFile, doc, problems);
        }
        return doc;
    }

    /** supervisord reads the main file's {@code [include]} only, each matching file once, in sorted order. */
    private void include(IniDocument doc, Map<String, Object> names) {
        IniSection section = doc.section(INCLUDE).orElse(null);
        if (section == null) return;
        SectionValues v = new SectionValues(section, problems);
        if (!v.has("files")) {
            problems.error(section.source(), ".ini file has [include] section, but no files setting"
                    + " (expected files=PATTERN...)");
            return;
        }
        String files = v.expanded("files", null, Expansions.with(names, "host_node_name",
                Expansions.hostNodeName()), "include.files");
        if (files == null) return;
        List<Path> matched = new ArrayList<>();
        for (String pattern : files.strip().split("\\s+")) {
            List<Path> found = Includes.resolve(here, pattern);
            if (found.isEmpty()) {
                v.warning("files", "No file matches via include \"" + here.resolve(pattern).normalize() + "\"");
            }
            matched.addAll(found);
        }
        for (Path file : matched) IniReader.read(file, doc, problems);
        for (IniEntry e : section.entries()) {
            if (!e.source().file().equals(mainFile)) {
                problems.warning(e.source(), "ignored: only the main file's [include] is read, as supervisord does");
            }
        }
    }
}
