package tw.smartgov.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.smartgov.identity.NationalId;
import tw.smartgov.identity.certificate.CardResponse;
import tw.smartgov.identity.citizen.Citizen;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/** Refused certificate sign-ins: each says why, and leaves the browser signed out. */
class CertificateSignInTest extends RunningProvider {

    Citizen someone(String body) {
        return register.enrol(NationalId.withCheckDigit(body), "陳美玲");
    }

    void assertRefused(HttpResponse<String> response, Browser browser, String message) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Browser.html(response).getElementById("error").text()).contains(message);
        assertThat(browser.get("/identity/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aValidCardSignsIn() {
        var card = CardResponse.open(
                cards.issue(someone("B28765432"), Duration.ofDays(1), PIN).pkcs12(), PIN);
        Browser browser = new Browser(base());
        assertThat(Browser.location(signIn(browser, card))).endsWith("/identity/account");
        assertThat(browser.get("/identity/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedCertificateIsRefused() {
        var issued = cards.issue(someone("E13579246"), Duration.ofDays(1), PIN);
        cards.revoke(issued.serial());
        Browser browser = new Browser(base());
        assertRefused(signIn(browser, CardResponse.open(issued.pkcs12(), PIN)), browser, "已被廢止");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        var issued = cards.issue(someone("F21234567"), Duration.ofSeconds(1), PIN);
        Thread.sleep(1_500);
        Browser browser = new Browser(base());
        assertRefused(signIn(browser, CardResponse.open(issued.pkcs12(), PIN)), browser, "已過期");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        var card = CardResponse.open(
                cards.issue(someone("H12222222"), Duration.ofDays(1), PIN).pkcs12(), PIN);
        var forged = new SigningIdentity(KeyVault.newKeyPair().getPrivate(), card.chain());
        Browser browser = new Browser(base());
        assertRefused(signIn(browser, forged), browser, "金鑰不符");
    }

    @Test
    void aResponseToAnotherChallengeIsRefusedAndTheChallengeIsUsedUp() {
        var card = CardResponse.open(
                cards.issue(someone("J13333333"), Duration.ofDays(1), PIN).pkcs12(), PIN);
        Browser browser = new Browser(base());
        var page = Browser.html(browser.get("/identity/sign-in"));
        String challenge = page.getElementById("challenge").text();
        var other = browser.post(
                "/identity/sign-in/certificate",
                Map.of("_csrf", csrf(page.selectFirst("form")), "response", CardResponse.sign(card, "x".repeat(43))));
        assertRefused(other, browser, "其他挑戰碼");
        var late = browser.post(
                "/identity/sign-in/certificate",
                Map.of("_csrf", csrf(page.selectFirst("form")), "response", CardResponse.sign(card, challenge)));
        assertThat(late.statusCode()).isEqualTo(401);
    }
}
