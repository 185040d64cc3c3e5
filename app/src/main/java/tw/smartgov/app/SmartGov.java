package tw.smartgov.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code smartgov} executable: one subcommand per role or admin task. */
@Command(
        name = "smartgov",
        mixinStandardHelpOptions = true,
        versionProvider = SmartGov.Version.class,
        description = {
            "SmartGov: trust services, T-Road data exchange, identity, MyData and open data for a smart government.",
            "",
            "Roles run a server; admin commands run and exit."
        },
        subcommands = {
            DevCommand.class,
            CentralCommand.class,
            SecurityServerCommand.class,
            VerifyCommand.class,
            AccessRightsCommand.class,
            CardCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SmartGov implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0 || !ServerRole.anyStarted()) {
            System.exit(exitCode);
        }
        // A server role keeps running on its own (non-daemon) threads until it is stopped.
    }

    static CommandLine commandLine() {
        return new CommandLine(new SmartGov()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SmartGov.class.getPackage().getImplementationVersion();
            return new String[] {"smartgov " + (v == null ? "(development build)" : v)};
        }
    }
}
