package dev.orchestrator.cli;

import dev.orchestrator.control.protocol.Version;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * picocli's model of {@code orchestrator}: the tool commands (their own classes, listed in {@link #TOOLS}) and,
 * for the top-level help and bash completion only, the control commands built from their {@link CommandSyntax}
 * ({@link Main} runs those without picocli).
 */
@Command(name = "orchestrator", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Runs a Canopsis-style AMQP engine pipeline in one JVM, supervisord-style.")
public final class RootCommand implements Runnable {

    /** The commands that picocli runs, in the order of {@code orchestrator --help} (after the control ones). */
    static final List<Class<?>> TOOLS = List.of(CheckCommand.class, LaunchCommand.class, TasksCommand.class,
            FeedCommand.class, DaemonCommand.class);

    @Spec
    CommandSpec spec;

    /**
     * The command line for {@code args}. When the first argument names a tool, only that tool is modelled (under a
     * bare {@code orchestrator} root): picocli's model of every subcommand costs more than a tool should spend
     * on it. Anything else (options, help, an unknown name) gets the full model.
     */
    static CommandLine commandLine(String... args) {
        Class<?> tool = args.length > 0 ? toolClass(args[0]) : null;
        if (tool != null) {
            CommandSpec root = CommandSpec.create().name(RootCommand.class.getAnnotation(Command.class).name());
            return new CommandLine(root).addSubcommand(new CommandLine(tool));
        }
        CommandLine root = new CommandLine(new RootCommand());
        root.addSubcommand(new CommandLine.HelpCommand());
        for (ControlCommands.Entry e : ControlCommands.ALL) root.addSubcommand(new CommandLine(spec(e.syntax())));
        for (Class<?> each : TOOLS) root.addSubcommand(each);
        root.addSubcommand(new AutoComplete.GenerateCompletion());
        root.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        return root;
    }

    /** The class of tool {@code name}, or null. */
    static Class<?> toolClass(String name) {
        for (Class<?> tool : TOOLS) {
            if (tool.getAnnotation(Command.class).name().equals(name)) return tool;
        }
        return null;
    }

    /** picocli's model of a control command, for help and completion (never executed). */
    private static CommandSpec spec(CommandSyntax syntax) {
        CommandSpec spec = CommandSpec.create().name(syntax.name());
        spec.usageMessage().description(syntax.description().toArray(String[]::new));
        for (CommandSyntax.Flag f : syntax.options()) {
            spec.addOption(OptionSpec.builder(f.names().toArray(String[]::new))
                    .description(f.description())
                    .usageHelp(f == CommandSyntax.HELP)
                    .paramLabel(f.label() == null ? "" : f.label())
                    .arity(f.label() == null ? "0" : "1")
                    .type(f.label() == null ? boolean.class : String.class)
                    .build());
        }
        if (syntax.operand() != null) {
            spec.addPositional(PositionalParamSpec.builder().paramLabel(syntax.operand()).arity("0..*")
                    .type(String.class).description(syntax.operandHelp()).build());
        }
        return spec;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code orchestrator --version}: the CLI's own version. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.get()};
        }
    }
}
