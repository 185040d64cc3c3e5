package tw.smartgov.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tw.smartgov.identity.certificate.CardResponse;

/**
 * {@code smartgov card}: plays the card reader for a citizen certificate sign-in. It opens a card
 * (PKCS#12) with its PIN and prints the signed response to paste into the sign-in page.
 */
@Command(
        name = "card",
        mixinStandardHelpOptions = true,
        description = "Citizen certificate (card) tools for signing in.",
        subcommands = {CardCommand.Sign.class})
final class CardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = {
                "Signs a sign-in challenge with a card and prints the response to paste into the sign-in page.",
                "The PIN comes from --pin, else from the environment variable SMARTGOV_CARD_PIN, else it is asked."
            })
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--card", required = true, description = "The card: a PKCS#12 file (.p12).")
        Path card;

        @Option(names = "--challenge", required = true, description = "The challenge shown on the sign-in page.")
        String challenge;

        @Option(names = "--pin", description = "The card's PIN (avoid: it stays in the shell history).")
        @Nullable
        String pin;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            char[] secret = pin();
            if (secret == null) {
                err.println("no PIN: give --pin, set SMARTGOV_CARD_PIN, or run in a terminal to be asked");
                return 2;
            }
            try {
                var identity = CardResponse.open(Files.readAllBytes(card), secret);
                spec.commandLine().getOut().println(CardResponse.sign(identity, challenge.strip()));
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("cannot sign: " + e.getMessage());
                return 1;
            }
        }

        private char @Nullable [] pin() {
            if (pin != null) {
                return pin.toCharArray();
            }
            String fromEnvironment = System.getenv("SMARTGOV_CARD_PIN");
            if (fromEnvironment != null) {
                return fromEnvironment.toCharArray();
            }
            var console = System.console();
            return console == null ? null : console.readPassword("PIN: ");
        }
    }
}
