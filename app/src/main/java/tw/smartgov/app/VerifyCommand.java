package tw.smartgov.app;

import picocli.CommandLine.Command;

/** {@code smartgov verify}: offline checks of evidence exported by a running SmartGov. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Checks proofs and evidence offline, without contacting any server.",
        subcommands = {})
final class VerifyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
