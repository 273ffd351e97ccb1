package dev.orchestrator.control.protocol;

/** The orchestrator's version, from the jar manifest when built, else "dev": what the CLI prints and the daemon answers. */
public final class Version {

    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
