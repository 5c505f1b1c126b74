<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentField</name>
    <message>
        <source>&apos;agent&apos; is a name of at most %1 characters, on one line.</source>
        <translation>&apos;agent&apos; ist ein Name mit höchstens %1 Zeichen, in einer Zeile.</translation>
    </message>
</context>
<context>
    <name>CallPlacer</name>
    <message>
        <source>Nothing was dialled: the call could not be stored (%1).</source>
        <translation>Nichts wurde gewählt: Der Anruf konnte nicht gespeichert werden (%1).</translation>
    </message>
    <message>
        <source>This call was asked for already; it is not dialled again.</source>
        <translation>Dieser Anruf wurde bereits angefordert; er wird nicht erneut gewählt.</translation>
    </message>
    <message>
        <source>No Twilio client: calls cannot be placed.</source>
        <translation>Kein Twilio-Client: Es können keine Anrufe getätigt werden.</translation>
    </message>
    <message>
        <source>Twilio&apos;s answer was lost (%1): the call may or may not have been placed. It is not dialled again by itself.</source>
        <translation>Die Antwort von Twilio ging verloren (%1): Der Anruf wurde möglicherweise getätigt, möglicherweise auch nicht. Er wird nicht von selbst erneut gewählt.</translation>
    </message>
    <message>
        <source>Twilio refused the call: %1</source>
        <translation>Twilio hat den Anruf abgelehnt: %1</translation>
    </message>
    <message>
        <source>The call %1 was placed but could not be recorded here (%2); its status callbacks will record it when the database recovers.</source>
        <translation>Der Anruf %1 wurde getätigt, konnte hier aber nicht erfasst werden (%2); seine Status-Callbacks erfassen ihn, sobald die Datenbank wieder verfügbar ist.</translation>
    </message>
    <message>
        <source>No call %1 is known here.</source>
        <translation>Hier ist kein Anruf %1 bekannt.</translation>
    </message>
    <message>
        <source>The call could not be read: %1</source>
        <translation>Der Anruf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The call has ended already.</source>
        <translation>Der Anruf ist bereits beendet.</translation>
    </message>
    <message>
        <source>No Twilio client: the call cannot be ended from here.</source>
        <translation>Kein Twilio-Client: Der Anruf kann von hier aus nicht beendet werden.</translation>
    </message>
    <message>
        <source>Twilio did not end the call: %1</source>
        <translation>Twilio hat den Anruf nicht beendet: %1</translation>
    </message>
</context>
<context>
    <name>CallStatuses</name>
    <message>
        <source>Twilio has the call and will dial it shortly.</source>
        <translation>Twilio hat den Anruf übernommen und wählt in Kürze.</translation>
    </message>
    <message>
        <source>Twilio is dialling the number.</source>
        <translation>Twilio wählt die Nummer.</translation>
    </message>
    <message>
        <source>The customer&apos;s phone is ringing.</source>
        <translation>Das Telefon des Kunden klingelt.</translation>
    </message>
    <message>
        <source>The customer answered; the call is going on.</source>
        <translation>Der Kunde hat abgenommen; das Gespräch läuft.</translation>
    </message>
    <message>
        <source>The call was answered and has ended.</source>
        <translation>Der Anruf wurde angenommen und ist beendet.</translation>
    </message>
    <message>
        <source>The line was busy; nobody was reached.</source>
        <translation>Die Leitung war besetzt; niemand wurde erreicht.</translation>
    </message>
    <message>
        <source>It rang and nobody answered.</source>
        <translation>Es hat geklingelt, aber niemand hat abgenommen.</translation>
    </message>
    <message>
        <source>The call could not be connected (for instance an unreachable number).</source>
        <translation>Der Anruf konnte nicht verbunden werden (zum Beispiel eine nicht erreichbare Nummer).</translation>
    </message>
    <message>
        <source>Hung up before anyone answered.</source>
        <translation>Aufgelegt, bevor jemand abgenommen hat.</translation>
    </message>
</context>
<context>
    <name>ContactLink</name>
    <message>
        <source>“%1” is not a tel: or sms: link.</source>
        <translation>„%1“ ist kein tel:- oder sms:-Link.</translation>
    </message>
    <message>
        <source>The link has no number.</source>
        <translation>Der Link enthält keine Nummer.</translation>
    </message>
    <message>
        <source>“%1” in the link is not a phone number.</source>
        <translation>„%1“ im Link ist keine Telefonnummer.</translation>
    </message>
</context>
<context>
    <name>ContentApproval</name>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>Prüfung ausstehend</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Nicht eingereicht</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Approval unknown</source>
        <translation>Genehmigung unbekannt</translation>
    </message>
    <message>
        <source>WhatsApp approved this template: it can be sent outside the 24-hour window.</source>
        <translation>WhatsApp hat diese Vorlage genehmigt: Sie kann außerhalb des 24-Stunden-Fensters gesendet werden.</translation>
    </message>
    <message>
        <source>WhatsApp is still reviewing this template; it cannot be sent outside the 24-hour window until it is approved.</source>
        <translation>WhatsApp prüft diese Vorlage noch; bis zur Genehmigung kann sie nicht außerhalb des 24-Stunden-Fensters gesendet werden.</translation>
    </message>
    <message>
        <source>WhatsApp rejected this template and gave no reason; it cannot be sent outside the 24-hour window.</source>
        <translation>WhatsApp hat diese Vorlage ohne Angabe von Gründen abgelehnt; sie kann nicht außerhalb des 24-Stunden-Fensters gesendet werden.</translation>
    </message>
    <message>
        <source>WhatsApp rejected this template: %1</source>
        <translation>WhatsApp hat diese Vorlage abgelehnt: %1</translation>
    </message>
    <message>
        <source>This template was never submitted to WhatsApp for approval; it cannot be sent outside the 24-hour window.</source>
        <translation>Diese Vorlage wurde WhatsApp nie zur Genehmigung vorgelegt; sie kann nicht außerhalb des 24-Stunden-Fensters gesendet werden.</translation>
    </message>
    <message>
        <source>WhatsApp paused this template after poor feedback from recipients; it cannot be sent until WhatsApp releases it.</source>
        <translation>WhatsApp hat diese Vorlage nach schlechtem Feedback von Empfängern pausiert; sie kann erst gesendet werden, wenn WhatsApp sie wieder freigibt.</translation>
    </message>
    <message>
        <source>WhatsApp disabled this template after poor feedback from recipients; it cannot be sent.</source>
        <translation>WhatsApp hat diese Vorlage nach schlechtem Feedback von Empfängern deaktiviert; sie kann nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Twilio did not say whether WhatsApp approved this template.</source>
        <translation>Twilio hat nicht angegeben, ob WhatsApp diese Vorlage genehmigt hat.</translation>
    </message>
</context>
<context>
    <name>EmailChannel</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>SendGrid&apos;s Event Webhook (Mail Settings &gt; Event Webhook), with signature verification on</source>
        <translation>Event Webhook von SendGrid (Mail Settings &gt; Event Webhook), mit aktivierter Signaturprüfung</translation>
    </message>
</context>
<context>
    <name>EmailChannelUi</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>EmailRequest</name>
    <message>
        <source>Required: the recipient&apos;s email address.</source>
        <translation>Erforderlich: die E-Mail-Adresse des Empfängers.</translation>
    </message>
    <message>
        <source>Must be an email address or a list of them.</source>
        <translation>Muss eine E-Mail-Adresse oder eine Liste davon sein.</translation>
    </message>
    <message>
        <source>(not a string)</source>
        <translation>(keine Zeichenkette)</translation>
    </message>
    <message>
        <source>Not a valid email address: %1.</source>
        <translation>Keine gültige E-Mail-Adresse: %1.</translation>
    </message>
    <message>
        <source>Required: at least one recipient.</source>
        <translation>Erforderlich: mindestens ein Empfänger.</translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation>Muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>The email is %1 bytes as SendGrid would receive it (attachments in base64); SendGrid takes at most %2 bytes (30 MB). Nothing was sent.</source>
        <translation>Die E-Mail ist %1 Byte groß, so wie SendGrid sie empfangen würde (Anhänge in base64); SendGrid nimmt höchstens %2 Byte (30 MB) an. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>At most %1 categories (SendGrid&apos;s limit); there are %2.</source>
        <translation>Höchstens %1 Kategorien (Limit von SendGrid); es sind %2.</translation>
    </message>
    <message>
        <source>A category cannot be empty.</source>
        <translation>Eine Kategorie darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A category has at most %1 characters (SendGrid&apos;s limit); &quot;%2…&quot; has %3.</source>
        <translation>Eine Kategorie hat höchstens %1 Zeichen (Limit von SendGrid); &quot;%2…&quot; hat %3.</translation>
    </message>
    <message>
        <source>Categories must be printable ASCII (SendGrid&apos;s rule); &quot;%1&quot; is not.</source>
        <translation>Kategorien müssen aus druckbaren ASCII-Zeichen bestehen (Regel von SendGrid); &quot;%1&quot; erfüllt das nicht.</translation>
    </message>
    <message>
        <source>Each category once: &quot;%1&quot; is repeated.</source>
        <translation>Jede Kategorie nur einmal: &quot;%1&quot; kommt mehrfach vor.</translation>
    </message>
    <message>
        <source>Required: the sender&apos;s address (a verified sender identity in SendGrid), or set a default sender with SENDGRID_FROM_EMAIL.</source>
        <translation>Erforderlich: die Absenderadresse (eine verifizierte Absenderidentität in SendGrid), oder legen Sie mit SENDGRID_FROM_EMAIL einen Standardabsender fest.</translation>
    </message>
    <message>
        <source>Must be a dynamic template&apos;s id, which starts with &quot;d-&quot;.</source>
        <translation>Muss die ID einer dynamischen Vorlage sein, die mit &quot;d-&quot; beginnt.</translation>
    </message>
    <message>
        <source>Must be a JSON object of the template&apos;s variables.</source>
        <translation>Muss ein JSON-Objekt mit den Variablen der Vorlage sein.</translation>
    </message>
    <message>
        <source>Only goes with a templateId.</source>
        <translation>Nur zusammen mit einer templateId.</translation>
    </message>
    <message>
        <source>Required (unless a templateId is given).</source>
        <translation>Erforderlich (sofern keine templateId angegeben ist).</translation>
    </message>
    <message>
        <source>Give the email&apos;s text, its html, or both (or a templateId).</source>
        <translation>Geben Sie den Text der E-Mail (text), ihr HTML (html) oder beides an (oder eine templateId).</translation>
    </message>
    <message>
        <source>Must be a list of strings.</source>
        <translation>Muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>Must be an object with filename, type and content.</source>
        <translation>Muss ein Objekt mit filename, type und content sein.</translation>
    </message>
    <message>
        <source>Required: the file&apos;s name.</source>
        <translation>Erforderlich: der Name der Datei.</translation>
    </message>
    <message>
        <source>Must be a MIME type, e.g. application/pdf.</source>
        <translation>Muss ein MIME-Typ sein, z. B. application/pdf.</translation>
    </message>
    <message>
        <source>Required: the file&apos;s bytes in base64.</source>
        <translation>Erforderlich: die Bytes der Datei in base64.</translation>
    </message>
    <message>
        <source>Not valid base64.</source>
        <translation>Kein gültiges base64.</translation>
    </message>
    <message>
        <source>Must be a list of {filename, type, content (base64)}.</source>
        <translation>Muss eine Liste von {filename, type, content (base64)} sein.</translation>
    </message>
</context>
<context>
    <name>EmailStatuses</name>
    <message>
        <source>Stored here; SendGrid has not accepted it yet.</source>
        <translation>Hier gespeichert; SendGrid hat sie noch nicht angenommen.</translation>
    </message>
    <message>
        <source>SendGrid accepted it and will process it shortly.</source>
        <translation>SendGrid hat sie angenommen und verarbeitet sie in Kürze.</translation>
    </message>
    <message>
        <source>Switchboard cannot tell whether SendGrid accepted it: the answer was lost (e.g. Switchboard stopped while sending). It was not sent again, to avoid a duplicate; check SendGrid&apos;s Activity feed or ask the recipient before resending.</source>
        <translation>Switchboard kann nicht feststellen, ob SendGrid sie angenommen hat: Die Antwort ging verloren (z. B. wurde Switchboard während des Sendens beendet). Sie wurde nicht erneut gesendet, um ein Duplikat zu vermeiden; prüfen Sie den Activity-Feed von SendGrid oder fragen Sie den Empfänger, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>SendGrid is sending it to the recipient&apos;s mail server.</source>
        <translation>SendGrid sendet sie an den Mailserver des Empfängers.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server asked SendGrid to try later; SendGrid keeps trying for up to 72 hours.</source>
        <translation>Der Mailserver des Empfängers hat SendGrid gebeten, es später erneut zu versuchen; SendGrid versucht es bis zu 72 Stunden lang weiter.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server accepted it (it may still file it as spam).</source>
        <translation>Der Mailserver des Empfängers hat sie angenommen (er kann sie trotzdem als Spam einstufen).</translation>
    </message>
    <message>
        <source>SendGrid refused it; it was not sent. See the error for why.</source>
        <translation>SendGrid hat sie abgelehnt; sie wurde nicht gesendet. Den Grund nennt der Fehler.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server refused it. The address will not be sent to again.</source>
        <translation>Der Mailserver des Empfängers hat sie abgelehnt. An diese Adresse wird nicht mehr gesendet.</translation>
    </message>
    <message>
        <source>SendGrid did not send it (e.g. the address bounced or unsubscribed before). The address will not be sent to again.</source>
        <translation>SendGrid hat sie nicht gesendet (z. B. weil die Adresse zuvor unzustellbar war oder abgemeldet wurde). An diese Adresse wird nicht mehr gesendet.</translation>
    </message>
    <message>
        <source>The recipient marked it as spam. The address will not be sent to again.</source>
        <translation>Der Empfänger hat sie als Spam markiert. An diese Adresse wird nicht mehr gesendet.</translation>
    </message>
</context>
<context>
    <name>EmailSubmitter</name>
    <message>
        <source>%1 of %2 emails have been sent today (UTC), the daily limit (SENDGRID_DAILY_LIMIT, SendGrid&apos;s free plan allows 100 a day); nothing was sent. The count starts again at %3.</source>
        <translation>Heute (UTC) wurden %1 von %2 E-Mails gesendet, das Tageslimit (SENDGRID_DAILY_LIMIT; der kostenlose Tarif von SendGrid erlaubt 100 pro Tag); es wurde nichts gesendet. Die Zählung beginnt um %3 von vorn.</translation>
    </message>
    <message>
        <source>The email could not be stored, so nothing was sent: %1</source>
        <translation>Die E-Mail konnte nicht gespeichert werden, daher wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>%1 reported an earlier email as spam; Switchboard does not send to it again.</source>
        <translation>%1 hat eine frühere E-Mail als Spam gemeldet; Switchboard sendet nicht mehr an diese Adresse.</translation>
    </message>
    <message>
        <source>Email to %1 bounced (%2); Switchboard does not send to it again.</source>
        <translation>Die E-Mail an %1 war unzustellbar (%2); Switchboard sendet nicht mehr an diese Adresse.</translation>
    </message>
</context>
<context>
    <name>HandlebarsTemplate</name>
    <message>
        <source>The tag opened on line %1 is never closed with %2.</source>
        <translation>Das in Zeile %1 geöffnete Tag wird nie mit %2 geschlossen.</translation>
    </message>
    <message>
        <source>{{#%1}} opened on line %2 is never closed with {{/%1}}.</source>
        <translation>{{#%1}}, geöffnet in Zeile %2, wird nie mit {{/%1}} geschlossen.</translation>
    </message>
    <message>
        <source>Line %1: sub-expressions in parentheses are not supported.</source>
        <translation>Zeile %1: Teilausdrücke in Klammern werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Line %1: a quoted string is never closed.</source>
        <translation>Zeile %1: Eine Zeichenkette in Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is neither a value nor a name.</source>
        <translation>Zeile %1: &quot;%2&quot; ist weder ein Wert noch ein Name.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a variable name.</source>
        <translation>Zeile %1: &quot;%2&quot; ist kein Variablenname.</translation>
    </message>
    <message>
        <source>Line %1: {{#%2}} is not a block helper SendGrid&apos;s templates have.</source>
        <translation>Zeile %1: {{#%2}} ist kein Block-Helper, den die Vorlagen von SendGrid kennen.</translation>
    </message>
    <message>
        <source>Line %1: {{#%2}} takes %3.</source>
        <translation>Zeile %1: {{#%2}} erwartet %3.</translation>
    </message>
    <message>
        <source>one value</source>
        <translation>einen Wert</translation>
    </message>
    <message>
        <source>two values</source>
        <translation>zwei Werte</translation>
    </message>
    <message>
        <source>one value or more</source>
        <translation>einen oder mehrere Werte</translation>
    </message>
    <message>
        <source>Line %1: blocks nested more than %2 deep.</source>
        <translation>Zeile %1: Blöcke sind tiefer als %2 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>Line %1: {{/%2}} closes no open block.</source>
        <translation>Zeile %1: {{/%2}} schließt keinen offenen Block.</translation>
    </message>
    <message>
        <source>Line %1: {{/%2}} does not close {{#%3}} opened on line %4.</source>
        <translation>Zeile %1: {{/%2}} schließt nicht {{#%3}}, geöffnet in Zeile %4.</translation>
    </message>
    <message>
        <source>Line %1: {{else}} is outside any block.</source>
        <translation>Zeile %1: {{else}} steht außerhalb jedes Blocks.</translation>
    </message>
    <message>
        <source>Line %1: a second {{else}} in {{#%2}} opened on line %3.</source>
        <translation>Zeile %1: ein zweites {{else}} in {{#%2}}, geöffnet in Zeile %3.</translation>
    </message>
    <message>
        <source>Line %1: an empty {{}}.</source>
        <translation>Zeile %1: ein leeres {{}}.</translation>
    </message>
    <message>
        <source>Line %1: partials ({{&gt;...}}) are not supported by SendGrid&apos;s dynamic templates.</source>
        <translation>Zeile %1: Partials ({{&gt;...}}) werden von den dynamischen Vorlagen von SendGrid nicht unterstützt.</translation>
    </message>
    <message>
        <source>Line %1: decorators ({{*...}}) are not supported.</source>
        <translation>Zeile %1: Decorators ({{*...}}) werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Line %1: {{#}} names no helper.</source>
        <translation>Zeile %1: {{#}} nennt keinen Helper.</translation>
    </message>
    <message>
        <source>Line %1: a close tag names one block, as {{/if}}.</source>
        <translation>Zeile %1: Ein schließendes Tag nennt einen Block, etwa {{/if}}.</translation>
    </message>
    <message>
        <source>Line %1: write {{#unless %2}} for an inverted section.</source>
        <translation>Zeile %1: Schreiben Sie {{#unless %2}} für einen invertierten Abschnitt.</translation>
    </message>
    <message>
        <source>Line %1: {{%2}} is a block helper: write {{#%2 ...}}.</source>
        <translation>Zeile %1: {{%2}} ist ein Block-Helper: Schreiben Sie {{#%2 ...}}.</translation>
    </message>
    <message>
        <source>Line %1: {{%2 ...}} calls a helper SendGrid&apos;s templates do not have (a variable&apos;s name has no spaces).</source>
        <translation>Zeile %1: {{%2 ...}} ruft einen Helper auf, den die Vorlagen von SendGrid nicht haben (der Name einer Variablen enthält keine Leerzeichen).</translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>The database is unreachable; nothing was stored. Retry in a few seconds.</source>
        <translation>Die Datenbank ist nicht erreichbar; nichts wurde gespeichert. Versuchen Sie es in einigen Sekunden erneut.</translation>
    </message>
</context>
<context>
    <name>IvrMenu</name>
    <message>
        <source>Goodbye.</source>
        <translation>Auf Wiederhören.</translation>
    </message>
    <message>
        <source>Sorry, that is not one of the options.</source>
        <translation>Das ist leider keine der Optionen.</translation>
    </message>
    <message>
        <source>Thank you for calling. Press 1 to leave a message. Press 2 to hear the options again. Press 0 to end the call.</source>
        <translation>Vielen Dank für Ihren Anruf. Drücken Sie die 1, um eine Nachricht zu hinterlassen. Drücken Sie die 2, um die Optionen erneut zu hören. Drücken Sie die 0, um den Anruf zu beenden.</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Please leave a message after the beep.</source>
        <translation>Bitte hinterlassen Sie nach dem Signalton eine Nachricht.</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Here are the options again.</source>
        <translation>Hier sind die Optionen noch einmal.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
</context>
<context>
    <name>IvrNodePreview</name>
    <message>
        <source>The menu a call hears first</source>
        <translation>Das Menü, das ein Anruf zuerst hört</translation>
    </message>
    <message>
        <source>The out-of-hours menu</source>
        <translation>Das Menü außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>The sub-menu, once %1 is pressed</source>
        <translation>Das Untermenü nach Drücken von %1</translation>
    </message>
    <message>
        <source>What pressing %1 answers</source>
        <translation>Was beim Drücken von %1 folgt</translation>
    </message>
    <message numerus="yes">
        <source>After %n silence(s) in a row</source>
        <translation>
            <numerusform>Nach %n Mal Stille</numerusform>
            <numerusform>Nach %n Mal Stille in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>Every key has an option: no key is unknown here</source>
        <translation>Jede Taste hat eine Option: Hier ist keine Taste unbekannt</translation>
    </message>
    <message>
        <source>Pressing a key with no option (%1)</source>
        <translation>Drücken einer Taste ohne Option (%1)</translation>
    </message>
    <message>
        <source>A call now (open)</source>
        <translation>Ein Anruf jetzt (geöffnet)</translation>
    </message>
    <message>
        <source>A call now (closed)</source>
        <translation>Ein Anruf jetzt (geschlossen)</translation>
    </message>
    <message>
        <source>A call out of hours</source>
        <translation>Ein Anruf außerhalb der Geschäftszeiten</translation>
    </message>
</context>
<context>
    <name>IvrTwiml</name>
    <message>
        <source>Sorry, this menu is not available. Goodbye.</source>
        <translation>Dieses Menü ist leider nicht verfügbar. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>Thank you, your message has been recorded. Goodbye.</source>
        <translation>Vielen Dank, Ihre Nachricht wurde aufgezeichnet. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>Sorry, nobody could take your call. Goodbye.</source>
        <translation>Leider konnte niemand Ihren Anruf entgegennehmen. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>We have sent you a text message.</source>
        <translation>Wir haben Ihnen eine SMS gesendet.</translation>
    </message>
</context>
<context>
    <name>IvrValidator</name>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 characters; at most %2</source>
        <translation>%1 Zeichen; höchstens %2</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither &quot;menu&quot; nor &quot;hangup&quot;</source>
        <translation>&quot;%1&quot; ist weder &quot;menu&quot; noch &quot;hangup&quot;</translation>
    </message>
    <message>
        <source>there is no menu to go back to here; use &quot;hangup&quot;</source>
        <translation>hier gibt es kein Menü, zu dem zurückgekehrt werden kann; verwenden Sie &quot;hangup&quot;</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (say, forward, voicemail, submenu, sms, hangup)</source>
        <translation>unbekannte Aktion &quot;%1&quot; (say, forward, voicemail, submenu, sms, hangup)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid E.164 number%2</source>
        <translation>&quot;%1&quot; ist keine gültige E.164-Nummer%2</translation>
    </message>
    <message>
        <source> (write it as %1)</source>
        <translation> (schreiben Sie %1)</translation>
    </message>
    <message>
        <source>silence cannot open a sub-menu; use an action that ends the call or says something</source>
        <translation>Stille kann kein Untermenü öffnen; verwenden Sie eine Aktion, die den Anruf beendet oder etwas ansagt</translation>
    </message>
    <message>
        <source>sub-menus nest at most %1 deep</source>
        <translation>Untermenüs lassen sich höchstens %1 Ebenen tief verschachteln</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Twilio voice (man, woman, alice, Polly.&lt;name&gt; or Google.&lt;name&gt;)</source>
        <translation>&quot;%1&quot; ist keine Twilio-Stimme (man, woman, alice, Polly.&lt;name&gt; oder Google.&lt;name&gt;)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language tag like en-US</source>
        <translation>&quot;%1&quot; ist kein Sprach-Tag wie en-US</translation>
    </message>
    <message>
        <source>the menu has no options</source>
        <translation>das Menü hat keine Optionen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key on the keypad (0-9, * or #)</source>
        <translation>&quot;%1&quot; ist keine Taste auf dem Tastenfeld (0-9, * oder #)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IANA time zone like Europe/London</source>
        <translation>&quot;%1&quot; ist keine IANA-Zeitzone wie Europe/London</translation>
    </message>
    <message>
        <source>not a day (mon, tue, wed, thu, fri, sat, sun)</source>
        <translation>kein Tag (mon, tue, wed, thu, fri, sat, sun)</translation>
    </message>
    <message>
        <source>must be a list of ranges like &quot;09:00-17:00&quot;</source>
        <translation>muss eine Liste von Zeiträumen wie &quot;09:00-17:00&quot; sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range of times like &quot;09:00-17:00&quot;</source>
        <translation>&quot;%1&quot; ist kein Zeitraum wie &quot;09:00-17:00&quot;</translation>
    </message>
    <message>
        <source>(not a string)</source>
        <translation>(keine Zeichenkette)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; closes before it opens</source>
        <translation>&quot;%1&quot; endet vor seinem Beginn</translation>
    </message>
    <message>
        <source>the sub-menu at %1</source>
        <translation>das Untermenü bei %1</translation>
    </message>
    <message>
        <source>%1 has no way out (every option leads back into a menu and there is no hangup, forward or voicemail, nor a no-input action that ends the call)</source>
        <translation>%1 hat keinen Ausweg (jede Option führt zurück in ein Menü, und es gibt kein hangup, forward oder voicemail und auch keine Aktion bei fehlender Eingabe, die den Anruf beendet)</translation>
    </message>
    <message>
        <source>not a field of the IVR (%1)</source>
        <translation>kein Feld des IVR (%1)</translation>
    </message>
    <message>
        <source>the menu</source>
        <translation>das Menü</translation>
    </message>
    <message>
        <source>the out-of-hours menu</source>
        <translation>das Menü außerhalb der Geschäftszeiten</translation>
    </message>
    <message>
        <source>only characters a call cannot say</source>
        <translation>nur Zeichen, die ein Anruf nicht sprechen kann</translation>
    </message>
</context>
<context>
    <name>KeysetPage</name>
    <message>
        <source>limit must be a whole number from 1 to %1.</source>
        <translation>limit muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>before must be the `next` cursor of a previous page.</source>
        <translation>before muss der `next`-Cursor einer vorherigen Seite sein.</translation>
    </message>
</context>
<context>
    <name>MediaLimits</name>
    <message>
        <source>%1 allows one file per message; there are %2 (%3 too many).</source>
        <translation>%1 erlaubt eine Datei pro Nachricht; es sind %2 (%3 zu viel).</translation>
    </message>
    <message>
        <source>%1 allows at most %2 files; there are %3 (%4 too many).</source>
        <translation>%1 erlaubt höchstens %2 Dateien; es sind %3 (%4 zu viel).</translation>
    </message>
    <message>
        <source>%1 does not accept %2 files (%3).</source>
        <translation>%1 akzeptiert keine Dateien vom Typ %2 (%3).</translation>
    </message>
    <message>
        <source>untyped</source>
        <translation>ohne Typ</translation>
    </message>
    <message>
        <source>%1 allows %2 per %3 file; %4 is %5 (%6 over).</source>
        <translation>%1 erlaubt %2 pro Datei vom Typ %3; %4 ist %5 groß (%6 zu viel).</translation>
    </message>
    <message>
        <source>this file is %1</source>
        <translation>diese Datei ist %1 groß</translation>
    </message>
    <message>
        <source>these %1 files are %2</source>
        <translation>diese %1 Dateien sind %2 groß</translation>
    </message>
    <message>
        <source>%1 allows %2 in all; %3 (%4 over).</source>
        <translation>%1 erlaubt insgesamt %2; %3 (%4 zu viel).</translation>
    </message>
</context>
<context>
    <name>MediaResend</name>
    <message>
        <source>An attachment of this message is no longer kept (attachments are kept for an hour): attach it again.</source>
        <translation>Ein Anhang dieser Nachricht wird nicht mehr aufbewahrt (Anhänge werden eine Stunde lang aufbewahrt): Hängen Sie ihn erneut an.</translation>
    </message>
    <message>
        <source>“%1” is no longer kept (attachments are kept for an hour): attach it again.</source>
        <translation>„%1“ wird nicht mehr aufbewahrt (Anhänge werden eine Stunde lang aufbewahrt): Hängen Sie die Datei erneut an.</translation>
    </message>
</context>
<context>
    <name>MediaUrlField</name>
    <message>
        <source>Must be an array of URLs (or one URL as a string).</source>
        <translation>Muss ein Array von URLs sein (oder eine URL als Zeichenkette).</translation>
    </message>
    <message>
        <source>This channel takes one media file per message; %1 were given.</source>
        <translation>Dieser Kanal nimmt eine Mediendatei pro Nachricht an; angegeben wurden %1.</translation>
    </message>
    <message>
        <source>At most %1 media URLs per message; %2 were given (%3 too many).</source>
        <translation>Höchstens %1 Medien-URLs pro Nachricht; angegeben wurden %2 (%3 zu viel).</translation>
    </message>
    <message>
        <source>Item %1 is not a string.</source>
        <translation>Element %1 ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>Item %1 (&quot;%2&quot;) is not an absolute http:// or https:// URL, which Twilio needs to fetch it.</source>
        <translation>Element %1 (&quot;%2&quot;) ist keine absolute http://- oder https://-URL, wie Twilio sie zum Abrufen benötigt.</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Copy message text</source>
        <translation>Nachrichtentext kopieren</translation>
    </message>
    <message>
        <source>Copy number %1</source>
        <translation>Nummer %1 kopieren</translation>
    </message>
    <message>
        <source>Open details</source>
        <translation>Details öffnen</translation>
    </message>
    <message>
        <source>Cancel scheduled message</source>
        <translation>Geplante Nachricht abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
</context>
<context>
    <name>MessageApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation>Der Speicher konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No message with SID %1.</source>
        <translation>Keine Nachricht mit der SID %1.</translation>
    </message>
</context>
<context>
    <name>MessageStatuses</name>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>Stored here and being handed to Twilio.</source>
        <translation>Hier gespeichert und wird an Twilio übergeben.</translation>
    </message>
    <message>
        <source>Waiting in Switchboard&apos;s outbox; it is sent at the scheduled time (Cancel in the row&apos;s menu).</source>
        <translation>Wartet im Postausgang von Switchboard; sie wird zur geplanten Zeit gesendet (Abbrechen im Menü der Zeile).</translation>
    </message>
    <message>
        <source>Twilio has it and will send it shortly.</source>
        <translation>Twilio hat sie übernommen und sendet sie in Kürze.</translation>
    </message>
    <message>
        <source>On its way.</source>
        <translation>Unterwegs.</translation>
    </message>
    <message>
        <source>Handed to the carrier; not confirmed delivered yet.</source>
        <translation>An den Netzbetreiber übergeben; Zustellung noch nicht bestätigt.</translation>
    </message>
    <message>
        <source>Delivered to the customer&apos;s phone.</source>
        <translation>An das Telefon des Kunden zugestellt.</translation>
    </message>
    <message>
        <source>The customer has read it.</source>
        <translation>Der Kunde hat sie gelesen.</translation>
    </message>
    <message>
        <source>A message from the customer.</source>
        <translation>Eine Nachricht vom Kunden.</translation>
    </message>
    <message>
        <source>Some parts were delivered, not all.</source>
        <translation>Einige Teile wurden zugestellt, nicht alle.</translation>
    </message>
    <message>
        <source>Not delivered: see the error for why.</source>
        <translation>Nicht zugestellt: Den Grund nennt der Fehler.</translation>
    </message>
    <message>
        <source>Canceled before it was sent.</source>
        <translation>Abgebrochen, bevor sie gesendet wurde.</translation>
    </message>
</context>
<context>
    <name>MessageWebhooks</name>
    <message>
        <source>The body is not application/x-www-form-urlencoded.</source>
        <translation>Der Body ist nicht application/x-www-form-urlencoded.</translation>
    </message>
    <message>
        <source>MessageSid and MessageStatus are required.</source>
        <translation>MessageSid und MessageStatus sind erforderlich.</translation>
    </message>
    <message>
        <source>Unknown MessageStatus &apos;%1&apos;.</source>
        <translation>Unbekannter MessageStatus &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>MessageSid and From are required.</source>
        <translation>MessageSid und From sind erforderlich.</translation>
    </message>
    <message>
        <source>NumMedia &apos;%1&apos; is not a number from 0 to %2.</source>
        <translation>NumMedia &apos;%1&apos; ist keine Zahl von 0 bis %2.</translation>
    </message>
    <message>
        <source>NumMedia is %1 but MediaUrl%2 is missing.</source>
        <translation>NumMedia ist %1, aber MediaUrl%2 fehlt.</translation>
    </message>
    <message>
        <source>The event could not be stored; Twilio will retry it.</source>
        <translation>Das Ereignis konnte nicht gespeichert werden; Twilio versucht es erneut.</translation>
    </message>
</context>
<context>
    <name>MessagingService</name>
    <message>
        <source>A Messaging Service&apos;s SID is MG followed by 32 hexadecimal characters.</source>
        <translation>Die SID eines Messaging Service besteht aus MG und 32 Hexadezimalzeichen.</translation>
    </message>
</context>
<context>
    <name>OptOut</name>
    <message>
        <source>%1 replied STOP: Twilio will refuse messages to them until they reply START. Ask them another way to text START if they want messages again.</source>
        <translation>%1 hat mit STOP geantwortet: Twilio lehnt Nachrichten an diese Person ab, bis sie mit START antwortet. Bitten Sie sie auf anderem Weg, START zu senden, wenn sie wieder Nachrichten erhalten möchte.</translation>
    </message>
    <message>
        <source>Opted out: Twilio refused a message from %1 to %2 on %3 (21610). Nothing more is sent to them until they reply START.</source>
        <translation>Abgemeldet: Twilio hat am %3 eine Nachricht von %1 an %2 abgelehnt (21610). Es wird nichts mehr an diese Person gesendet, bis sie mit START antwortet.</translation>
    </message>
    <message>
        <source>Opted out: %1 replied %2 to %3 on %4. Nothing is sent to them until they reply START; ask them another way to text START if they want messages again.</source>
        <translation>Abgemeldet: %1 hat am %4 mit %2 an %3 geantwortet. Es wird nichts an diese Person gesendet, bis sie mit START antwortet; bitten Sie sie auf anderem Weg, START zu senden, wenn sie wieder Nachrichten erhalten möchte.</translation>
    </message>
</context>
<context>
    <name>OptOuts</name>
    <message>
        <source>%1 has opted out of messages from %2: Twilio refused a message to them with 21610 on %3. Nothing was sent; they must reply START to receive messages again.</source>
        <translation>%1 hat sich von Nachrichten von %2 abgemeldet: Twilio hat am %3 eine Nachricht an diese Person mit 21610 abgelehnt. Es wurde nichts gesendet; die Person muss mit START antworten, um wieder Nachrichten zu erhalten.</translation>
    </message>
    <message>
        <source>%1 replied %2 to %3 on %4; nothing was sent. They must reply START to receive messages again.</source>
        <translation>%1 hat am %4 mit %2 an %3 geantwortet; es wurde nichts gesendet. Die Person muss mit START antworten, um wieder Nachrichten zu erhalten.</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>0 is not a country code: after the + comes a country code from 1 to 999, e.g. +1 for the US or +44 for the UK.</source>
        <translation>0 ist keine Ländervorwahl: Nach dem + folgt eine Ländervorwahl von 1 bis 999, z. B. +1 für die USA oder +44 für Großbritannien.</translation>
    </message>
    <message>
        <source>The number must start with + and a valid country code, e.g. +14155550100.</source>
        <translation>Die Nummer muss mit + und einer gültigen Ländervorwahl beginnen, z. B. +14155550100.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Das ist keine Telefonnummer.</translation>
    </message>
    <message>
        <source>The number is too short.</source>
        <translation>Die Nummer ist zu kurz.</translation>
    </message>
    <message>
        <source>The number is too long.</source>
        <translation>Die Nummer ist zu lang.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>Geben Sie eine Telefonnummer ein.</translation>
    </message>
    <message>
        <source>Use the international E.164 form: + and the country code, e.g. +14155550100.</source>
        <translation>Verwenden Sie das internationale E.164-Format: + und die Ländervorwahl, z. B. +14155550100.</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>Das ist keine gültige Telefonnummer.</translation>
    </message>
    <message>
        <source>This is not a valid phone number in %1.</source>
        <translation>Das ist keine gültige Telefonnummer in %1.</translation>
    </message>
</context>
<context>
    <name>PublicReach</name>
    <message>
        <source>Set SWITCHBOARD_PUBLIC_URL to a public address that forwards to this console: a tunnel (for example `ngrok http %1` or `cloudflared tunnel --url http://localhost:%1`) or your reverse proxy, then restart Switchboard and wire again.</source>
        <translation>Setzen Sie SWITCHBOARD_PUBLIC_URL auf eine öffentliche Adresse, die an diese Konsole weiterleitet: einen Tunnel (zum Beispiel `ngrok http %1` oder `cloudflared tunnel --url http://localhost:%1`) oder Ihren Reverse Proxy. Starten Sie Switchboard dann neu und verbinden Sie erneut.</translation>
    </message>
    <message>
        <source>This console has no public URL, so Twilio cannot reach it. </source>
        <translation>Diese Konsole hat keine öffentliche URL, daher kann Twilio sie nicht erreichen. </translation>
    </message>
    <message>
        <source>Twilio only calls http and https URLs, not %1. </source>
        <translation>Twilio ruft nur http- und https-URLs auf, nicht %1. </translation>
    </message>
    <message>
        <source>Twilio cannot reach %1: %2 is an address of this computer or its local network, not of the internet. </source>
        <translation>Twilio kann %1 nicht erreichen: %2 ist eine Adresse dieses Computers oder seines lokalen Netzwerks, nicht des Internets. </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation>Es ist kein Webhook %1 erfasst.</translation>
    </message>
</context>
<context>
    <name>ReceiveMode</name>
    <message>
        <source>SWITCHBOARD_RECEIVE is webhooks: Twilio&apos;s webhooks are expected at %1.</source>
        <translation>SWITCHBOARD_RECEIVE ist webhooks: Die Webhooks von Twilio werden unter %1 erwartet.</translation>
    </message>
    <message>
        <source>SWITCHBOARD_RECEIVE is polling: Switchboard asks Twilio for new messages and statuses every few seconds.</source>
        <translation>SWITCHBOARD_RECEIVE ist polling: Switchboard fragt Twilio alle paar Sekunden nach neuen Nachrichten und Status.</translation>
    </message>
    <message>
        <source>The built-in sandbox delivers its webhooks on this computer.</source>
        <translation>Die integrierte Sandbox stellt ihre Webhooks auf diesem Computer zu.</translation>
    </message>
    <message>
        <source>Twilio&apos;s API is at %1, on this computer or its network: it reaches this console at %2.</source>
        <translation>Die API von Twilio liegt unter %1, auf diesem Computer oder in seinem Netzwerk: Sie erreicht diese Konsole unter %2.</translation>
    </message>
    <message>
        <source>Twilio reaches this console at %1.</source>
        <translation>Twilio erreicht diese Konsole unter %1.</translation>
    </message>
    <message>
        <source>Until then Switchboard asks Twilio for new messages and statuses every few seconds; calls need the public URL.</source>
        <translation>Bis dahin fragt Switchboard Twilio alle paar Sekunden nach neuen Nachrichten und Status; Anrufe benötigen die öffentliche URL.</translation>
    </message>
</context>
<context>
    <name>SendAt</name>
    <message>
        <source>The time to send must be at least %1 seconds from now (it is %2 UTC).</source>
        <translation>Der Sendezeitpunkt muss mindestens %1 Sekunden in der Zukunft liegen (jetzt ist es %2 UTC).</translation>
    </message>
    <message>
        <source>The time to send can be at most %1 days ahead.</source>
        <translation>Der Sendezeitpunkt darf höchstens %1 Tage in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Must be an ISO 8601 time with its offset, e.g. 2026-11-20T14:30:00Z or 2026-11-20T09:30:00-05:00.</source>
        <translation>Muss eine ISO-8601-Zeit mit Offset sein, z. B. 2026-11-20T14:30:00Z oder 2026-11-20T09:30:00-05:00.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a real time.</source>
        <translation>&apos;%1&apos; ist keine existierende Zeit.</translation>
    </message>
</context>
<context>
    <name>SendGridError</name>
    <message>
        <source>SendGrid could not be reached: %1</source>
        <translation>SendGrid war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>SendGrid answered HTTP %1 with something Switchboard could not read: %2</source>
        <translation>SendGrid hat mit HTTP %1 und etwas geantwortet, das Switchboard nicht lesen konnte: %2</translation>
    </message>
    <message>
        <source>The email is %1 (%2 bytes) with its attachments base64-encoded; SendGrid accepts at most %3 in all. Remove or shrink attachments.</source>
        <translation>Die E-Mail ist mit base64-codierten Anhängen %1 (%2 Byte) groß; SendGrid akzeptiert insgesamt höchstens %3. Entfernen oder verkleinern Sie Anhänge.</translation>
    </message>
    <message>
        <source>SendGrid refused the email as malformed.</source>
        <translation>SendGrid hat die E-Mail als fehlerhaft abgelehnt.</translation>
    </message>
    <message>
        <source>SendGrid refused the email: %1</source>
        <translation>SendGrid hat die E-Mail abgelehnt: %1</translation>
    </message>
    <message>
        <source>SendGrid rejected the API key: check SENDGRID_API_KEY (it may be mistyped, revoked or deleted).</source>
        <translation>SendGrid hat den API-Schlüssel abgelehnt: Prüfen Sie SENDGRID_API_KEY (er ist möglicherweise falsch eingegeben, widerrufen oder gelöscht).</translation>
    </message>
    <message>
        <source>SendGrid refused to send: the from address is not a verified sender identity, or the API key lacks the Mail Send permission. Verify the sender in SendGrid under Settings &gt; Sender Authentication (a single sender or the whole domain), and check the key&apos;s permissions under Settings &gt; API Keys.</source>
        <translation>SendGrid hat das Senden verweigert: Die Absenderadresse ist keine verifizierte Absenderidentität, oder dem API-Schlüssel fehlt die Berechtigung Mail Send. Verifizieren Sie den Absender in SendGrid unter Settings &gt; Sender Authentication (einen einzelnen Absender oder die ganze Domain) und prüfen Sie die Berechtigungen des Schlüssels unter Settings &gt; API Keys.</translation>
    </message>
    <message>
        <source>SendGrid has no such resource (e.g. the template id is wrong).</source>
        <translation>SendGrid kennt diese Ressource nicht (z. B. ist die Vorlagen-ID falsch).</translation>
    </message>
    <message>
        <source>SendGrid refused the email as too large: at most 30 MB in all, attachments counted after base64 encoding.</source>
        <translation>SendGrid hat die E-Mail als zu groß abgelehnt: insgesamt höchstens 30 MB, Anhänge nach der base64-Codierung gezählt.</translation>
    </message>
    <message>
        <source>SendGrid is rate-limiting this API key; the email was not sent. Retry after %1 (UTC).</source>
        <translation>SendGrid drosselt diesen API-Schlüssel; die E-Mail wurde nicht gesendet. Versuchen Sie es nach %1 (UTC) erneut.</translation>
    </message>
    <message>
        <source>SendGrid is rate-limiting this API key; the email was not sent. Retry later.</source>
        <translation>SendGrid drosselt diesen API-Schlüssel; die E-Mail wurde nicht gesendet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>SendGrid failed with HTTP %1; it may or may not have accepted the email.</source>
        <translation>SendGrid ist mit HTTP %1 fehlgeschlagen; die E-Mail wurde möglicherweise angenommen, möglicherweise auch nicht.</translation>
    </message>
    <message>
        <source>SendGrid answered HTTP %1.</source>
        <translation>SendGrid hat mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>SendGridEventValidator</name>
    <message>
        <source>The event batch is signed by SendGrid.</source>
        <translation>Der Ereignis-Batch ist von SendGrid signiert.</translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Email-Event-Webhook-Signature header: it is not a signed SendGrid event batch (is signature verification enabled in SendGrid&apos;s Event Webhook settings?).</source>
        <translation>Die Anfrage hat keinen X-Twilio-Email-Event-Webhook-Signature-Header: Sie ist kein signierter Ereignis-Batch von SendGrid (ist die Signaturprüfung in den Event-Webhook-Einstellungen von SendGrid aktiviert?).</translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Email-Event-Webhook-Timestamp header, which SendGrid&apos;s signature covers.</source>
        <translation>Die Anfrage hat keinen X-Twilio-Email-Event-Webhook-Timestamp-Header, den die Signatur von SendGrid abdeckt.</translation>
    </message>
    <message>
        <source>SENDGRID_WEBHOOK_PUBLIC_KEY is not set, so no event batch can be verified: enable signed events in SendGrid&apos;s Event Webhook settings and copy its verification key here.</source>
        <translation>SENDGRID_WEBHOOK_PUBLIC_KEY ist nicht gesetzt, daher kann kein Ereignis-Batch verifiziert werden: Aktivieren Sie signierte Ereignisse in den Event-Webhook-Einstellungen von SendGrid und kopieren Sie den Verifizierungsschlüssel hierher.</translation>
    </message>
    <message>
        <source>SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 DER P-256 public key: copy the verification key from SendGrid&apos;s Event Webhook settings.</source>
        <translation>SENDGRID_WEBHOOK_PUBLIC_KEY ist kein öffentlicher DER-P-256-Schlüssel in base64: Kopieren Sie den Verifizierungsschlüssel aus den Event-Webhook-Einstellungen von SendGrid.</translation>
    </message>
    <message>
        <source>The X-Twilio-Email-Event-Webhook-Signature header is not a base64 DER ECDSA signature.</source>
        <translation>Der X-Twilio-Email-Event-Webhook-Signature-Header ist keine DER-ECDSA-Signatur in base64.</translation>
    </message>
    <message>
        <source>The signature does not match this timestamp and body under SENDGRID_WEBHOOK_PUBLIC_KEY: the body was changed on the way, or the key is another webhook&apos;s.</source>
        <translation>Die Signatur passt unter SENDGRID_WEBHOOK_PUBLIC_KEY nicht zu diesem Zeitstempel und Body: Der Body wurde unterwegs verändert, oder der Schlüssel gehört zu einem anderen Webhook.</translation>
    </message>
    <message>
        <source>The X-Twilio-Email-Event-Webhook-Timestamp header is not a time in seconds, so its age cannot be checked.</source>
        <translation>Der X-Twilio-Email-Event-Webhook-Timestamp-Header ist keine Zeitangabe in Sekunden, daher kann sein Alter nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The event batch is timestamped %1 s in the future, beyond the %2 s SENDGRID_WEBHOOK_MAX_AGE_S allows: check this computer&apos;s clock.</source>
        <translation>Der Ereignis-Batch hat einen Zeitstempel %1 s in der Zukunft, mehr als die %2 s, die SENDGRID_WEBHOOK_MAX_AGE_S erlaubt: Prüfen Sie die Uhr dieses Computers.</translation>
    </message>
    <message>
        <source>The event batch was signed %1 s ago, older than the %2 s SENDGRID_WEBHOOK_MAX_AGE_S allows: refused as a possible replay.</source>
        <translation>Der Ereignis-Batch wurde vor %1 s signiert, früher als die %2 s, die SENDGRID_WEBHOOK_MAX_AGE_S erlaubt: als mögliche Wiederholung (Replay) abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ServiceWindow</name>
    <message>
        <source>The customer has not written to this WhatsApp number yet, so WhatsApp only accepts an approved template. Free-form messages become possible once the customer writes.</source>
        <translation>Der Kunde hat dieser WhatsApp-Nummer noch nicht geschrieben, daher akzeptiert WhatsApp nur eine genehmigte Vorlage. Freie Nachrichten sind möglich, sobald der Kunde schreibt.</translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the customer&apos;s last WhatsApp message, so WhatsApp only accepts an approved template. The window reopens when the customer writes again.</source>
        <translation>Seit der letzten WhatsApp-Nachricht des Kunden sind mehr als 24 Stunden vergangen, daher akzeptiert WhatsApp nur eine genehmigte Vorlage. Das Fenster öffnet sich wieder, wenn der Kunde erneut schreibt.</translation>
    </message>
    <message>
        <source>no message from the customer yet</source>
        <translation>noch keine Nachricht vom Kunden</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>noch %1 h %2 min</translation>
    </message>
    <message>
        <source>closes in %1 min</source>
        <translation>schließt in %1 min</translation>
    </message>
    <message>
        <source>closes in less than a minute</source>
        <translation>schließt in weniger als einer Minute</translation>
    </message>
    <message>
        <source>closed just now</source>
        <translation>gerade geschlossen</translation>
    </message>
    <message>
        <source>closed %1 min ago</source>
        <translation>vor %1 min geschlossen</translation>
    </message>
    <message>
        <source>closed %1 h ago</source>
        <translation>vor %1 h geschlossen</translation>
    </message>
    <message>
        <source>closed %1 days ago</source>
        <translation>vor %1 Tagen geschlossen</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Account SID (empty: offline sandbox)</source>
        <translation>Konto-SID (leer: Offline-Sandbox)</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <source>SMS sender number</source>
        <translation>SMS-Absendernummer</translation>
    </message>
    <message>
        <source>WhatsApp sender number</source>
        <translation>WhatsApp-Absendernummer</translation>
    </message>
    <message>
        <source>Your own phone (click-to-call rings it first)</source>
        <translation>Ihr eigenes Telefon (Click-to-Call lässt es zuerst klingeln)</translation>
    </message>
    <message>
        <source>SendGrid API key</source>
        <translation>SendGrid-API-Schlüssel</translation>
    </message>
    <message>
        <source>SendGrid API base URL (empty: https://api.sendgrid.com)</source>
        <translation>SendGrid-API-Basis-URL (leer: https://api.sendgrid.com)</translation>
    </message>
    <message>
        <source>Email sender address (a verified sender in SendGrid)</source>
        <translation>E-Mail-Absenderadresse (ein verifizierter Absender in SendGrid)</translation>
    </message>
    <message>
        <source>Email sender name</source>
        <translation>E-Mail-Absendername</translation>
    </message>
    <message>
        <source>SendGrid Event Webhook verification key</source>
        <translation>Verifizierungsschlüssel des SendGrid Event Webhook</translation>
    </message>
    <message>
        <source>Oldest Event Webhook batch accepted (seconds, 0: any)</source>
        <translation>Ältester akzeptierter Event-Webhook-Batch (Sekunden, 0: beliebig)</translation>
    </message>
    <message>
        <source>Emails a day (SendGrid plan; 0: no limit)</source>
        <translation>E-Mails pro Tag (SendGrid-Tarif; 0: kein Limit)</translation>
    </message>
    <message>
        <source>Public URL (e.g. https://abc.ngrok.app)</source>
        <translation>Öffentliche URL (z. B. https://abc.ngrok.app)</translation>
    </message>
    <message>
        <source>Webhook server port</source>
        <translation>Port des Webhook-Servers</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Your name (recorded on what you send; your team sees it)</source>
        <translation>Ihr Name (bei allem vermerkt, was Sie senden; Ihr Team sieht ihn)</translation>
    </message>
</context>
<context>
    <name>SignatureDiagnosis</name>
    <message>
        <source>The signature matches %1.</source>
        <translation>Die Signatur passt zu %1.</translation>
    </message>
    <message>
        <source>No auth token is configured, so signatures are not checked.</source>
        <translation>Es ist kein Auth-Token konfiguriert, daher werden Signaturen nicht geprüft.</translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Signature header: it was not sent by Twilio (or a proxy removed the header).</source>
        <translation>Die Anfrage hat keinen X-Twilio-Signature-Header: Sie wurde nicht von Twilio gesendet (oder ein Proxy hat den Header entfernt).</translation>
    </message>
    <message>
        <source>The body is not valid form encoding, so its signature cannot be computed: it was altered on the way, or it is not Twilio&apos;s.</source>
        <translation>Der Body ist keine gültige Formularcodierung, daher kann seine Signatur nicht berechnet werden: Er wurde unterwegs verändert, oder er stammt nicht von Twilio.</translation>
    </message>
    <message>
        <source>The signature does not match %1.</source>
        <translation>Die Signatur passt nicht zu %1.</translation>
    </message>
    <message>
        <source>the public URL as configured</source>
        <translation>die öffentliche URL wie konfiguriert</translation>
    </message>
    <message>
        <source>the Host header</source>
        <translation>der Host-Header</translation>
    </message>
    <message>
        <source>the proxy&apos;s X-Forwarded-Proto/-Host</source>
        <translation>X-Forwarded-Proto/-Host des Proxys</translation>
    </message>
    <message>
        <source>with the trailing slash toggled</source>
        <translation>mit umgeschaltetem abschließendem Schrägstrich</translation>
    </message>
    <message>
        <source>without the query</source>
        <translation>ohne Query-String</translation>
    </message>
    <message>
        <source>without the query, trailing slash toggled</source>
        <translation>ohne Query-String, abschließender Schrägstrich umgeschaltet</translation>
    </message>
    <message>
        <source>without the port</source>
        <translation>ohne den Port</translation>
    </message>
    <message>
        <source>with port %1</source>
        <translation>mit Port %1</translation>
    </message>
    <message>
        <source>%1 instead of %2</source>
        <translation>%1 statt %2</translation>
    </message>
    <message>
        <source>The URL&apos;s signature matches, but the body is not the one its bodySHA256 was computed for: the body was altered on the way.</source>
        <translation>Die Signatur der URL passt, aber der Body ist nicht der, für den ihr bodySHA256 berechnet wurde: Der Body wurde unterwegs verändert.</translation>
    </message>
    <message>
        <source>The signature was checked against %1. None of the %2 URL variants tried (scheme, with and without the port, the Host and X-Forwarded-Proto/-Host headers, trailing slash, the query) matches, so the URL is not the problem: the auth token differs (a request signed by a subaccount, or with a token rotated since) or the body was altered on the way.</source>
        <translation>Die Signatur wurde gegen %1 geprüft. Keine der %2 getesteten URL-Varianten (Schema, mit und ohne Port, die Header Host und X-Forwarded-Proto/-Host, abschließender Schrägstrich, Query-String) passt, also liegt es nicht an der URL: Das Auth-Token ist ein anderes (eine von einem Subaccount signierte Anfrage oder ein inzwischen rotiertes Token), oder der Body wurde unterwegs verändert.</translation>
    </message>
    <message>
        <source>Check TWILIO_AUTH_TOKEN against the account (or subaccount) that owns the number.</source>
        <translation>Prüfen Sie TWILIO_AUTH_TOKEN anhand des Kontos (oder Subaccounts), dem die Nummer gehört.</translation>
    </message>
    <message>
        <source>Set SWITCHBOARD_PUBLIC_URL to %1 (it is %2).</source>
        <translation>Setzen Sie SWITCHBOARD_PUBLIC_URL auf %1 (derzeit %2).</translation>
    </message>
    <message>
        <source>Twilio signed the path and query %1 but the request arrived as %2: a proxy or tunnel rewrote it; set the webhook URL at Twilio to the one the console receives.</source>
        <translation>Twilio hat Pfad und Query-String %1 signiert, aber die Anfrage kam als %2 an: Ein Proxy oder Tunnel hat sie umgeschrieben; setzen Sie die Webhook-URL bei Twilio auf die URL, die die Konsole empfängt.</translation>
    </message>
    <message>
        <source>The signature was checked against %1 and does not match it, but it matches %2 (%3): the auth token is right and the URL differs. %4</source>
        <translation>Die Signatur wurde gegen %1 geprüft und passt nicht dazu, aber sie passt zu %2 (%3): Das Auth-Token stimmt, die URL weicht ab. %4</translation>
    </message>
</context>
<context>
    <name>SmsChannel</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>your number&apos;s &quot;A message comes in&quot; webhook</source>
        <translation>der Webhook &quot;A message comes in&quot; Ihrer Nummer</translation>
    </message>
    <message>
        <source>status callbacks (sent with each message)</source>
        <translation>Status-Callbacks (mit jeder Nachricht gesendet)</translation>
    </message>
</context>
<context>
    <name>SmsChannelUi</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>ThreadPdfExporter</name>
    <message>
        <source>Internal note — never sent to the customer</source>
        <translation>Interne Notiz — wird nie an den Kunden gesendet</translation>
    </message>
    <message>
        <source>Internal note by %1 — never sent to the customer</source>
        <translation>Interne Notiz von %1 — wird nie an den Kunden gesendet</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>%1 items, exported %2 (times in UTC)</source>
        <translation>%1 Einträge, exportiert am %2 (Zeiten in UTC)</translation>
    </message>
    <message>
        <source>Media:</source>
        <translation>Medien:</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>TrialAccount</name>
    <message>
        <source>Messages and calls reach only numbers verified in Twilio&apos;s console (Verified Caller IDs).</source>
        <translation>Nachrichten und Anrufe erreichen nur Nummern, die in der Twilio-Konsole verifiziert sind (Verified Caller IDs).</translation>
    </message>
    <message>
        <source>Every SMS starts with &quot;Sent from your Twilio trial account - &quot;.</source>
        <translation>Jede SMS beginnt mit &quot;Sent from your Twilio trial account - &quot;.</translation>
    </message>
    <message>
        <source>Calls play a trial notice first, and the callee presses a key to hear your TwiML.</source>
        <translation>Anrufe spielen zuerst einen Testkonto-Hinweis ab, und der Angerufene drückt eine Taste, um Ihr TwiML zu hören.</translation>
    </message>
    <message>
        <source>One phone number; upgrade the account in Twilio&apos;s console to lift these limits.</source>
        <translation>Nur eine Telefonnummer; führen Sie in der Twilio-Konsole ein Upgrade des Kontos durch, um diese Grenzen aufzuheben.</translation>
    </message>
</context>
<context>
    <name>TwilioError</name>
    <message>
        <source>Twilio rejected the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.</source>
        <translation>Twilio hat die Zugangsdaten abgelehnt: Prüfen Sie TWILIO_ACCOUNT_SID und TWILIO_AUTH_TOKEN.</translation>
    </message>
    <message>
        <source>Twilio has no such resource on this account.</source>
        <translation>Twilio kennt diese Ressource in diesem Konto nicht.</translation>
    </message>
    <message>
        <source>Twilio is rate-limiting this account; the request was not processed and will be retried.</source>
        <translation>Twilio drosselt die Anfragen dieses Kontos; die Anfrage wurde nicht verarbeitet und wird erneut versucht.</translation>
    </message>
    <message>
        <source>The &apos;To&apos; number is not a valid phone number.</source>
        <translation>Die &apos;To&apos;-Nummer ist keine gültige Telefonnummer.</translation>
    </message>
    <message>
        <source>The &apos;From&apos; number is not a valid phone number, short code or sender ID.</source>
        <translation>Die &apos;From&apos;-Nummer ist keine gültige Telefonnummer, Kurzwahlnummer oder Absender-ID.</translation>
    </message>
    <message>
        <source>This account may not send SMS to that country; enable it in Twilio&apos;s Geo Permissions.</source>
        <translation>Dieses Konto darf keine SMS in dieses Land senden; aktivieren Sie es in den Geo Permissions von Twilio.</translation>
    </message>
    <message>
        <source>The message needs a body or media.</source>
        <translation>Die Nachricht braucht einen Text oder Medien.</translation>
    </message>
    <message>
        <source>The message needs a &apos;To&apos; number.</source>
        <translation>Die Nachricht braucht eine &apos;To&apos;-Nummer.</translation>
    </message>
    <message>
        <source>The &apos;From&apos; number is not an SMS-capable number on this account.</source>
        <translation>Die &apos;From&apos;-Nummer ist in diesem Konto keine SMS-fähige Nummer.</translation>
    </message>
    <message>
        <source>The recipient replied STOP; Twilio blocks messages to them until they reply START.</source>
        <translation>Der Empfänger hat mit STOP geantwortet; Twilio blockiert Nachrichten an ihn, bis er mit START antwortet.</translation>
    </message>
    <message>
        <source>The &apos;From&apos; number has too many messages queued; try again later.</source>
        <translation>Für die &apos;From&apos;-Nummer sind zu viele Nachrichten in der Warteschlange; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Twilio cannot route a message between these two numbers.</source>
        <translation>Twilio kann keine Nachricht zwischen diesen beiden Nummern zustellen.</translation>
    </message>
    <message>
        <source>The &apos;To&apos; number is not a mobile number and cannot receive SMS.</source>
        <translation>Die &apos;To&apos;-Nummer ist keine Mobilfunknummer und kann keine SMS empfangen.</translation>
    </message>
    <message>
        <source>The message body is longer than 1600 characters.</source>
        <translation>Der Nachrichtentext ist länger als 1600 Zeichen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s phone is unreachable (switched off or out of coverage).</source>
        <translation>Das Telefon des Empfängers ist nicht erreichbar (ausgeschaltet oder ohne Netz).</translation>
    </message>
    <message>
        <source>The message was blocked by the recipient or their carrier.</source>
        <translation>Die Nachricht wurde vom Empfänger oder seinem Netzbetreiber blockiert.</translation>
    </message>
    <message>
        <source>The recipient&apos;s number is unknown or no longer exists.</source>
        <translation>Die Nummer des Empfängers ist unbekannt oder existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The recipient&apos;s number is a landline or cannot receive SMS.</source>
        <translation>Die Nummer des Empfängers ist ein Festnetzanschluss oder kann keine SMS empfangen.</translation>
    </message>
    <message>
        <source>The carrier filtered the message as spam or for its content.</source>
        <translation>Der Netzbetreiber hat die Nachricht als Spam oder wegen ihres Inhalts gefiltert.</translation>
    </message>
    <message>
        <source>The message could not be delivered, for a reason the carrier did not give.</source>
        <translation>Die Nachricht konnte nicht zugestellt werden; der Netzbetreiber hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>There is no such template (ContentSid) on this account: it was deleted, belongs to another account, or the SID is mistyped.</source>
        <translation>In diesem Konto gibt es diese Vorlage (ContentSid) nicht: Sie wurde gelöscht, gehört zu einem anderen Konto, oder die SID ist falsch geschrieben.</translation>
    </message>
    <message>
        <source>The template&apos;s variables were refused: each one needs a value, and none may be empty.</source>
        <translation>Die Variablen der Vorlage wurden abgelehnt: Jede braucht einen Wert, und keine darf leer sein.</translation>
    </message>
    <message>
        <source>WhatsApp could not authenticate this WhatsApp sender; it may have to be connected to Twilio again.</source>
        <translation>WhatsApp konnte diesen WhatsApp-Absender nicht authentifizieren; er muss eventuell erneut mit Twilio verbunden werden.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address is not an active WhatsApp account (check the number and the whatsapp: prefix).</source>
        <translation>Die Adresse des Empfängers ist kein aktives WhatsApp-Konto (prüfen Sie die Nummer und das Präfix whatsapp:).</translation>
    </message>
    <message>
        <source>WhatsApp did not accept this content: the recipient may not be a valid WhatsApp user, or a media file was refused.</source>
        <translation>WhatsApp hat diesen Inhalt nicht angenommen: Der Empfänger ist möglicherweise kein gültiger WhatsApp-Nutzer, oder eine Mediendatei wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The &apos;From&apos; address is not a WhatsApp sender on this Twilio account (or it is still awaiting approval).</source>
        <translation>Die &apos;From&apos;-Adresse ist kein WhatsApp-Absender in diesem Twilio-Konto (oder wartet noch auf Freigabe).</translation>
    </message>
    <message>
        <source>WhatsApp refused the message under its policies, e.g. a template variable left empty or only spaces.</source>
        <translation>WhatsApp hat die Nachricht aufgrund seiner Richtlinien abgelehnt, z. B. weil eine Vorlagenvariable leer war oder nur Leerzeichen enthielt.</translation>
    </message>
    <message>
        <source>The recipient blocked this business on WhatsApp; messages cannot reach them.</source>
        <translation>Der Empfänger hat dieses Unternehmen auf WhatsApp blockiert; Nachrichten können ihn nicht erreichen.</translation>
    </message>
    <message>
        <source>Outside the 24-hour customer-service window WhatsApp only accepts an approved template; the window reopens when the customer writes again.</source>
        <translation>Außerhalb des 24-Stunden-Servicefensters akzeptiert WhatsApp nur eine genehmigte Vorlage; das Fenster öffnet sich wieder, wenn der Kunde erneut schreibt.</translation>
    </message>
    <message>
        <source>WhatsApp&apos;s sending limit for this sender was reached; wait before sending more.</source>
        <translation>Das WhatsApp-Sendelimit für diesen Absender ist erreicht; warten Sie, bevor Sie weitere Nachrichten senden.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message because of a problem with the business&apos;s Meta Business Manager account (e.g. its payment method or Twilio&apos;s access request); fix it in Meta Business Manager.</source>
        <translation>WhatsApp hat die Nachricht wegen eines Problems mit dem Meta-Business-Manager-Konto des Unternehmens abgelehnt (z. B. Zahlungsmethode oder Zugriffsanfrage von Twilio); beheben Sie es im Meta Business Manager.</translation>
    </message>
    <message>
        <source>WhatsApp refused the content: a media type it does not support, or a template longer than 1024 characters once filled in.</source>
        <translation>WhatsApp hat den Inhalt abgelehnt: ein nicht unterstützter Medientyp oder eine Vorlage, die ausgefüllt länger als 1024 Zeichen ist.</translation>
    </message>
    <message>
        <source>The recipient cannot receive WhatsApp messages: not a WhatsApp user, terms not accepted, or an outdated app.</source>
        <translation>Der Empfänger kann keine WhatsApp-Nachrichten empfangen: kein WhatsApp-Nutzer, Nutzungsbedingungen nicht akzeptiert oder veraltete App.</translation>
    </message>
    <message>
        <source>WhatsApp does not accept one of the message&apos;s parameters for this kind of message.</source>
        <translation>WhatsApp akzeptiert einen der Parameter der Nachricht für diese Art von Nachricht nicht.</translation>
    </message>
    <message>
        <source>WhatsApp does not deliver marketing templates to this user (one of Meta&apos;s experiments) unless a conversation is already open.</source>
        <translation>WhatsApp stellt diesem Nutzer keine Marketing-Vorlagen zu (eines der Experimente von Meta), außer wenn bereits eine Unterhaltung offen ist.</translation>
    </message>
    <message>
        <source>Meta chose not to deliver this marketing template (never to U.S. numbers, and not to users who already got many); retry later or use SMS.</source>
        <translation>Meta hat entschieden, diese Marketing-Vorlage nicht zuzustellen (nie an US-Nummern und nicht an Nutzer, die schon viele erhalten haben); versuchen Sie es später erneut oder verwenden Sie SMS.</translation>
    </message>
    <message>
        <source>The WhatsApp Business Account is locked by Meta; nothing can be sent until Meta unlocks it.</source>
        <translation>Das WhatsApp-Business-Konto ist von Meta gesperrt; bis Meta es entsperrt, kann nichts gesendet werden.</translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this (insufficient permissions).</source>
        <translation>Diese Zugangsdaten dürfen das nicht (unzureichende Berechtigungen).</translation>
    </message>
    <message>
        <source>Twilio had a server error; the request may not have been processed.</source>
        <translation>Bei Twilio ist ein Serverfehler aufgetreten; die Anfrage wurde möglicherweise nicht verarbeitet.</translation>
    </message>
    <message>
        <source>Twilio error %1.</source>
        <translation>Twilio-Fehler %1.</translation>
    </message>
    <message>
        <source>Could not reach Twilio (%1).</source>
        <translation>Twilio war nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>Twilio&apos;s answer could not be read.</source>
        <translation>Die Antwort von Twilio konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Switchboard could not record the message (%1); nothing was sent.</source>
        <translation>Switchboard konnte die Nachricht nicht speichern (%1); es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>TwilioV1Answer</name>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the next page is not part of this list</source>
        <translation>die nächste Seite gehört nicht zu dieser Liste</translation>
    </message>
    <message>
        <source>the list did not end after %1 pages</source>
        <translation>die Liste endete nicht nach %1 Seiten</translation>
    </message>
</context>
<context>
    <name>TwimlBuilder</name>
    <message>
        <source>%1: a messaging response may contain only Message and Redirect, not %2.</source>
        <translation>%1: Eine Messaging-Antwort darf nur Message und Redirect enthalten, nicht %2.</translation>
    </message>
    <message>
        <source>%1: %2 is not a TwiML voice verb.</source>
        <translation>%1: %2 ist kein TwiML-Sprachverb.</translation>
    </message>
    <message>
        <source>%1: %2 cannot contain other elements.</source>
        <translation>%1: %2 darf keine anderen Elemente enthalten.</translation>
    </message>
    <message>
        <source>%1: %2 may contain only %3, not %4.</source>
        <translation>%1: %2 darf nur %3 enthalten, nicht %4.</translation>
    </message>
    <message>
        <source>%1: %2 needs its text (what to say, dial or fetch).</source>
        <translation>%1: %2 braucht seinen Text (was gesagt, gewählt oder abgerufen werden soll).</translation>
    </message>
    <message>
        <source>%1: Play needs a URL or digits.</source>
        <translation>%1: Play braucht eine URL oder Ziffern.</translation>
    </message>
    <message>
        <source>%1: Enqueue needs a queue name or a workflowSid.</source>
        <translation>%1: Enqueue braucht einen Warteschlangennamen oder eine workflowSid.</translation>
    </message>
    <message>
        <source>%1: Dial needs a number or a Number, Client or Conference to dial.</source>
        <translation>%1: Dial braucht eine Nummer oder ein Number, Client oder Conference zum Wählen.</translation>
    </message>
    <message>
        <source>%1: Dial takes either a number as its text or nouns, not both.</source>
        <translation>%1: Dial nimmt entweder eine Nummer als Text oder Nomen, nicht beides.</translation>
    </message>
    <message>
        <source>%1: a Conference must be the only noun in its Dial.</source>
        <translation>%1: Eine Conference muss das einzige Nomen in ihrem Dial sein.</translation>
    </message>
    <message>
        <source>%1: Dial rings at most 10 numbers or clients at once.</source>
        <translation>%1: Dial lässt höchstens 10 Nummern oder Clients gleichzeitig klingeln.</translation>
    </message>
    <message>
        <source>%1: Message takes either its text or Body and Media, not both.</source>
        <translation>%1: Message nimmt entweder seinen Text oder Body und Media, nicht beides.</translation>
    </message>
    <message>
        <source>%1: a Message has at most one Body.</source>
        <translation>%1: Eine Message hat höchstens einen Body.</translation>
    </message>
    <message>
        <source>%1: a Message carries at most 10 Media.</source>
        <translation>%1: Eine Message enthält höchstens 10 Media.</translation>
    </message>
    <message>
        <source>%1: %2=&quot;%3&quot; must be GET or POST.</source>
        <translation>%1: %2=&quot;%3&quot; muss GET oder POST sein.</translation>
    </message>
    <message>
        <source>%1: %2=&quot;%3&quot; is not one of %4.</source>
        <translation>%1: %2=&quot;%3&quot; ist keiner der Werte %4.</translation>
    </message>
    <message>
        <source>%1: input=&quot;%2&quot; must be dtmf, speech or &quot;dtmf speech&quot;.</source>
        <translation>%1: input=&quot;%2&quot; muss dtmf, speech oder &quot;dtmf speech&quot; sein.</translation>
    </message>
</context>
<context>
    <name>VoiceChannel</name>
    <message>
        <source>Voice</source>
        <translation>Telefonie</translation>
    </message>
    <message>
        <source>your number&apos;s &quot;A call comes in&quot; webhook (TwiML)</source>
        <translation>der Webhook &quot;A call comes in&quot; Ihrer Nummer (TwiML)</translation>
    </message>
    <message>
        <source>call status callbacks (sent with each call)</source>
        <translation>Anrufstatus-Callbacks (mit jedem Anruf gesendet)</translation>
    </message>
    <message>
        <source>recording status callbacks (recordingStatusCallback)</source>
        <translation>Aufnahmestatus-Callbacks (recordingStatusCallback)</translation>
    </message>
</context>
<context>
    <name>VoiceChannelUi</name>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
</context>
<context>
    <name>WebhookDetailText</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Not UTF-8 text; as base64:</source>
        <translation>Kein UTF-8-Text; als Base64:</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>Signatur: %1</translation>
    </message>
    <message>
        <source>A replay of webhook %1: its signature check was skipped.</source>
        <translation>Ein erneutes Zustellen von Webhook %1: Die Signaturprüfung wurde übersprungen.</translation>
    </message>
    <message>
        <source>URL checked:</source>
        <translation>Geprüfte URL:</translation>
    </message>
    <message>
        <source>Variants tried:</source>
        <translation>Versuchte Varianten:</translation>
    </message>
    <message>
        <source>✔ matches</source>
        <translation>✔ stimmt überein</translation>
    </message>
    <message>
        <source>✘</source>
        <translation>✘</translation>
    </message>
    <message>
        <source>Twilio signed this URL:</source>
        <translation>Twilio hat diese URL signiert:</translation>
    </message>
    <message>
        <source>What to change:</source>
        <translation>Was zu ändern ist:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body (raw)</source>
        <translation>Body (roh)</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>Response sent (HTTP %1)</source>
        <translation>Gesendete Antwort (HTTP %1)</translation>
    </message>
    <message>
        <source>Webhook %1 → %2 (SID %3)</source>
        <translation>Webhook %1 → %2 (SID %3)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Their form fields are the same.</source>
        <translation>Ihre Formularfelder sind gleich.</translation>
    </message>
</context>
<context>
    <name>WhatsAppAddress</name>
    <message>
        <source>&apos;%1&apos; is another channel&apos;s address; WhatsApp addresses are whatsapp: and a number in E.164 form, e.g. whatsapp:+14155550100.</source>
        <translation>&apos;%1&apos; ist die Adresse eines anderen Kanals; WhatsApp-Adressen bestehen aus whatsapp: und einer Nummer im E.164-Format, z. B. whatsapp:+14155550100.</translation>
    </message>
</context>
<context>
    <name>WhatsAppChannel</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>your WhatsApp sender&apos;s &quot;A message comes in&quot; webhook</source>
        <translation>der Webhook &quot;A message comes in&quot; Ihres WhatsApp-Absenders</translation>
    </message>
    <message>
        <source>WhatsApp status callbacks (sent with each message)</source>
        <translation>WhatsApp-Status-Callbacks (mit jeder Nachricht gesendet)</translation>
    </message>
</context>
<context>
    <name>WhatsAppChannelUi</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
</context>
<context>
    <name>WhatsAppStatuses</name>
    <message>
        <source>WhatsApp has it but has not reached the customer&apos;s phone yet (one tick).</source>
        <translation>WhatsApp hat sie, aber sie hat das Telefon des Kunden noch nicht erreicht (ein Haken).</translation>
    </message>
    <message>
        <source>On the customer&apos;s phone, not opened yet (two ticks).</source>
        <translation>Auf dem Telefon des Kunden, noch nicht geöffnet (zwei Haken).</translation>
    </message>
    <message>
        <source>The customer opened it (two blue ticks). Customers who turned read receipts off never show this, so delivered may be the last status.</source>
        <translation>Der Kunde hat sie geöffnet (zwei blaue Haken). Bei Kunden, die Lesebestätigungen ausgeschaltet haben, erscheint dies nie, daher kann „zugestellt“ der letzte Status sein.</translation>
    </message>
    <message>
        <source>A WhatsApp message from the customer; it opens a 24-hour window for free-form replies.</source>
        <translation>Eine WhatsApp-Nachricht vom Kunden; sie öffnet ein 24-Stunden-Fenster für frei formulierte Antworten.</translation>
    </message>
    <message>
        <source>Not delivered on WhatsApp: see the error for why.</source>
        <translation>Auf WhatsApp nicht zugestellt: Den Grund nennt der Fehler.</translation>
    </message>
</context>
<context>
    <name>sb::AccountApi</name>
    <message>
        <source>The Messaging API is not available.</source>
        <translation>Die Messaging-API ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The store could not be read.</source>
        <translation>Der Speicher konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>onlyWhileRunning must be true or false.</source>
        <translation>onlyWhileRunning muss true oder false sein.</translation>
    </message>
</context>
<context>
    <name>sb::AccountTab</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&amp;Wire to this console</source>
        <translation>Mit dieser Konsole &amp;verbinden</translation>
    </message>
    <message>
        <source>R&amp;estore previous URLs</source>
        <translation>Frühere URLs &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Only while Switchboard runs</source>
        <translation>&amp;Nur solange Switchboard läuft</translation>
    </message>
    <message>
        <source>Wiring result</source>
        <translation>Ergebnis der Verbindung</translation>
    </message>
    <message>
        <source>Where wiring points</source>
        <translation>Ziel der Verbindung</translation>
    </message>
    <message>
        <source>Trial account limits</source>
        <translation>Grenzen des Testkontos</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>SMS URL</source>
        <translation>SMS-URL</translation>
    </message>
    <message>
        <source>Voice URL</source>
        <translation>Voice-URL</translation>
    </message>
    <message>
        <source>Status callback</source>
        <translation>Status-Callback</translation>
    </message>
    <message>
        <source>Wired</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummern</translation>
    </message>
    <message>
        <source>Inbound request URL</source>
        <translation>URL für eingehende Anfragen</translation>
    </message>
    <message>
        <source>Messaging Services</source>
        <translation>Messaging Services</translation>
    </message>
    <message>
        <source>Messaging Services status</source>
        <translation>Status der Messaging Services</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the account</source>
        <translation>Konto aktualisieren</translation>
    </message>
    <message>
        <source>Check &amp;balance</source>
        <translation>&amp;Guthaben prüfen</translation>
    </message>
    <message>
        <source>Point the selected number&apos;s SMS URL, voice URL and status callback at this console, keeping what they were</source>
        <translation>SMS-URL, Voice-URL und Status-Callback der ausgewählten Nummer auf diese Konsole richten und die bisherigen Werte aufbewahren</translation>
    </message>
    <message>
        <source>Put back the URLs the selected number had before it was wired</source>
        <translation>Die URLs zurücksetzen, die die ausgewählte Nummer vor dem Verbinden hatte</translation>
    </message>
    <message>
        <source>Restore the previous URLs when Switchboard closes (or, after a crash, when it next starts)</source>
        <translation>Die früheren URLs wiederherstellen, wenn Switchboard geschlossen wird (oder nach einem Absturz beim nächsten Start)</translation>
    </message>
    <message>
        <source>&amp;Phone numbers</source>
        <translation>&amp;Telefonnummern</translation>
    </message>
    <message>
        <source>&amp;Messaging Services</source>
        <translation>&amp;Messaging Services</translation>
    </message>
    <message>
        <source>Loading the account…</source>
        <translation>Konto wird geladen…</translation>
    </message>
    <message>
        <source>Wiring points a number at %1.</source>
        <translation>Beim Verbinden wird eine Nummer auf %1 gerichtet.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;%2 · %3 · %4</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;%2 · %3 · %4</translation>
    </message>
    <message>
        <source>offline sandbox, nothing is really sent</source>
        <translation>Offline-Sandbox, es wird nichts wirklich gesendet</translation>
    </message>
    <message>
        <source>Trial account: %1</source>
        <translation>Testkonto: %1</translation>
    </message>
    <message>
        <source>The phone numbers could not be read: %1</source>
        <translation>Die Telefonnummern konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The Messaging Services could not be read: %1</source>
        <translation>Die Messaging Services konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>MMS</source>
        <translation>MMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no numbers)</source>
        <translation>(keine Nummern)</translation>
    </message>
    <message>
        <source>Each number&apos;s own SMS URL</source>
        <translation>SMS-URL der jeweiligen Nummer</translation>
    </message>
    <message>
        <source>Inbound messages go to each number&apos;s own &quot;A message comes in&quot; URL; the service&apos;s inbound request URL (%1) is not used</source>
        <translation>Eingehende Nachrichten gehen an die eigene URL &quot;A message comes in&quot; jeder Nummer; die URL für eingehende Anfragen des Dienstes (%1) wird nicht verwendet</translation>
    </message>
    <message>
        <source>This account has no Messaging Services.</source>
        <translation>Dieses Konto hat keine Messaging Services.</translation>
    </message>
    <message>
        <source>Balance: %1 %2 (at %3)</source>
        <translation>Guthaben: %1 %2 (um %3)</translation>
    </message>
    <message>
        <source>Balance unavailable: %1</source>
        <translation>Guthaben nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The console&apos;s database could not be read.</source>
        <translation>Die Datenbank der Konsole konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>While Switchboard runs</source>
        <translation>Solange Switchboard läuft</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Wiring…</source>
        <translation>Wird verbunden…</translation>
    </message>
    <message>
        <source>%1 now sends its messages, calls and call statuses to this console. Its previous URLs are kept for Restore.</source>
        <translation>%1 sendet seine Nachrichten, Anrufe und Anrufstatus jetzt an diese Konsole. Die bisherigen URLs werden zum Wiederherstellen aufbewahrt.</translation>
    </message>
    <message>
        <source>Not wired: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>%1 has its previous URLs again.</source>
        <translation>%1 hat wieder seine früheren URLs.</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n number(s).</source>
        <translation>
            <numerusform>%n Nummer wiederhergestellt.</numerusform>
            <numerusform>%n Nummern wiederhergestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::AssignmentBar</name>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>It was unassigned meanwhile: nothing changed.</source>
        <translation>Die Zuweisung wurde inzwischen aufgehoben: nichts geändert.</translation>
    </message>
    <message>
        <source>%1 took it a moment ago: nothing changed.</source>
        <translation>%1 hat sie eben übernommen: nichts geändert.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Makes this conversation yours; your team sees it at once.</source>
        <translation>Macht diese Unterhaltung zu Ihrer; Ihr Team sieht es sofort.</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Ihnen zugewiesen</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <source>Gives the conversation back to the team.</source>
        <translation>Gibt die Unterhaltung an das Team zurück.</translation>
    </message>
    <message>
        <source>Assigned to %1 · since %2</source>
        <translation>Zugewiesen an %1 · seit %2</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Makes this conversation yours instead of %1&apos;s.</source>
        <translation>Macht diese Unterhaltung zu Ihrer statt zu der von %1.</translation>
    </message>
    <message>
        <source>Set your name in File ▸ Settings first</source>
        <translation>Legen Sie zuerst Ihren Namen unter Datei ▸ Einstellungen fest</translation>
    </message>
    <message>
        <source>%1 (Ctrl+Shift+A)</source>
        <translation>%1 (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>%1 Ctrl+Shift+A.</source>
        <translation>%1 Strg+Umschalt+A.</translation>
    </message>
</context>
<context>
    <name>sb::AttachmentTray</name>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Anhängen…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Or drop files on the message, or paste an image into it.</source>
        <translation>Oder ziehen Sie Dateien auf die Nachricht oder fügen Sie ein Bild darin ein.</translation>
    </message>
    <message>
        <source>Attachments need a public URL: Twilio downloads them from this console.</source>
        <translation>Anhänge brauchen eine öffentliche URL: Twilio lädt sie von dieser Konsole herunter.</translation>
    </message>
    <message>
        <source>%1 %2 A link to a file already online can go in the text.</source>
        <translation>%1 %2 Ein Link zu einer bereits online verfügbaren Datei kann in den Text.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>attachments need the console&apos;s server, which is not running</source>
        <translation>Anhänge brauchen den Server der Konsole, der nicht läuft</translation>
    </message>
    <message>
        <source>pasted-image-%1.png</source>
        <translation>eingefuegtes-bild-%1.png</translation>
    </message>
    <message>
        <source>%1 could not be attached: %2</source>
        <translation>%1 konnte nicht angehängt werden: %2</translation>
    </message>
    <message>
        <source>%1 · failed</source>
        <translation>%1 · fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 · copying…</source>
        <translation>%1 · wird kopiert…</translation>
    </message>
</context>
<context>
    <name>sb::CallTableModel</name>
    <message>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>dialling</source>
        <translation>wird gewählt</translation>
    </message>
    <message>
        <source>1 recording</source>
        <translation>1 Aufnahme</translation>
    </message>
    <message>
        <source>%1 recordings</source>
        <translation>%1 Aufnahmen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>Aufn.</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>sb::CallsTab</name>
    <message>
        <source>&amp;Record the call</source>
        <translation>Anruf &amp;aufnehmen</translation>
    </message>
    <message>
        <source>Ring &amp;my phone first (click-to-call)</source>
        <translation>Zuerst &amp;mein Telefon klingeln lassen (Click-to-Call)</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Anrufen</translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation>A&amp;uflegen</translation>
    </message>
    <message>
        <source>Sandbox keypad</source>
        <translation>Sandbox-Tastenfeld</translation>
    </message>
    <message>
        <source>+1 415 555 0100</source>
        <translation>+1 415 555 0100</translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation>Nummer löschen</translation>
    </message>
    <message>
        <source>Customer&apos;s number to call</source>
        <translation>Anzurufende Nummer des Kunden</translation>
    </message>
    <message>
        <source>National numbers are read in the caller ID&apos;s country.</source>
        <translation>Nationale Nummern werden im Land der Anrufer-ID interpretiert.</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Anrufer-ID</translation>
    </message>
    <message>
        <source>The number the customer sees calling them.</source>
        <translation>Die Nummer, die der Kunde als Anrufer sieht.</translation>
    </message>
    <message>
        <source>Click-to-call needs your own phone: set it in File ▸ Settings (SWITCHBOARD_AGENT_PHONE).</source>
        <translation>Click-to-Call braucht Ihr eigenes Telefon: Legen Sie es unter Datei ▸ Einstellungen fest (SWITCHBOARD_AGENT_PHONE).</translation>
    </message>
    <message>
        <source>Rings %1 first, then connects you to the customer.</source>
        <translation>Lässt zuerst %1 klingeln und verbindet Sie dann mit dem Kunden.</translation>
    </message>
    <message>
        <source>Call the customer</source>
        <translation>Kunden anrufen</translation>
    </message>
    <message>
        <source>Calls and the IVR need a public URL: Twilio asks this console what to do on a call, and it cannot reach it now. %1</source>
        <translation>Anrufe und die IVR brauchen eine öffentliche URL: Twilio fragt diese Konsole, was bei einem Anruf zu tun ist, und kann sie derzeit nicht erreichen. %1</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation>Anrufer-&amp;ID:</translation>
    </message>
    <message>
        <source>Filter by number or status</source>
        <translation>Nach Nummer oder Status filtern</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation>Anrufe filtern</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Every call, newest first; select one for its timeline.</source>
        <translation>Alle Anrufe, neueste zuerst; wählen Sie einen aus, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Select a call to see its timeline.</source>
        <translation>Wählen Sie einen Anruf aus, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Call timeline</source>
        <translation>Anrufverlauf</translation>
    </message>
    <message>
        <source>Each status the selected call reached, with its time.</source>
        <translation>Jeder Status, den der ausgewählte Anruf erreicht hat, mit Uhrzeit.</translation>
    </message>
    <message>
        <source>Hang up the selected call</source>
        <translation>Ausgewählten Anruf auflegen</translation>
    </message>
    <message>
        <source>Press %1 on the simulated call</source>
        <translation>%1 im simulierten Anruf drücken</translation>
    </message>
    <message>
        <source>Presses keys on the selected simulated call while it is in progress, as the caller would on their phone.</source>
        <translation>Drückt Tasten im ausgewählten simulierten Anruf, während er läuft, wie es der Anrufer auf seinem Telefon tun würde.</translation>
    </message>
    <message>
        <source>IVR e&amp;ditor</source>
        <translation>IVR-E&amp;ditor</translation>
    </message>
    <message>
        <source>Calls or IVR editor</source>
        <translation>Anrufe oder IVR-Editor</translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation>Die Anrufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Will call %1</source>
        <translation>Ruft %1 an</translation>
    </message>
    <message>
        <source>Nothing was dialled: enter the customer&apos;s number.</source>
        <translation>Es wurde nicht gewählt: Geben Sie die Nummer des Kunden ein.</translation>
    </message>
    <message>
        <source>Nothing was dialled: %1</source>
        <translation>Es wurde nicht gewählt: %1</translation>
    </message>
    <message>
        <source>Nothing was dialled: there is no number to call from yet; add one in File ▸ Settings.</source>
        <translation>Es wurde nicht gewählt: Es gibt noch keine Nummer, von der aus angerufen werden kann; fügen Sie unter Datei ▸ Einstellungen eine hinzu.</translation>
    </message>
    <message>
        <source>Ringing your phone (%1) first…</source>
        <translation>Zuerst klingelt Ihr Telefon (%1)…</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>%1 wird angerufen…</translation>
    </message>
    <message>
        <source>Your phone is ringing; answer it to be connected to %1.</source>
        <translation>Ihr Telefon klingelt; nehmen Sie ab, um mit %1 verbunden zu werden.</translation>
    </message>
    <message>
        <source>Calling %1.</source>
        <translation>%1 wird angerufen.</translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation>Eingehender Anruf von %1</translation>
    </message>
    <message>
        <source>To %1 — see the Calls tab.</source>
        <translation>An %1 – siehe Registerkarte Anrufe.</translation>
    </message>
    <message>
        <source>New voicemail</source>
        <translation>Neue Mailbox-Nachricht</translation>
    </message>
    <message>
        <source>New voicemail from %1</source>
        <translation>Neue Mailbox-Nachricht von %1</translation>
    </message>
    <message>
        <source>%1 long — play it in the Calls tab.</source>
        <translation>%1 lang – spielen Sie sie in der Registerkarte Anrufe ab.</translation>
    </message>
    <message>
        <source>%1 call, %2 → %3</source>
        <translation>Anruf (%1), %2 → %3</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>The call was cancelled before it was answered.</source>
        <translation>Der Anruf wurde abgebrochen, bevor er angenommen wurde.</translation>
    </message>
    <message>
        <source>Hung up.</source>
        <translation>Aufgelegt.</translation>
    </message>
    <message>
        <source>Pressing %1…</source>
        <translation>%1 wird gedrückt…</translation>
    </message>
    <message>
        <source>Pressed %1.</source>
        <translation>%1 gedrückt.</translation>
    </message>
    <message>
        <source>The sandbox did not take %1 (HTTP %2); hover for why.</source>
        <translation>Die Sandbox hat %1 nicht angenommen (HTTP %2); Details beim Darüberfahren mit der Maus.</translation>
    </message>
</context>
<context>
    <name>sb::CannedEditor</name>
    <message>
        <source>S&amp;hared with the team</source>
        <translation>Mit dem Team &amp;geteilt</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>Each response&apos;s shortcut and text. Select one to edit it.</source>
        <translation>Kürzel und Text jedes Textbausteins. Wählen Sie einen aus, um ihn zu bearbeiten.</translation>
    </message>
    <message>
        <source>thanks</source>
        <translation>danke</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>The word typed after / in a reply box to insert the response.</source>
        <translation>Das Wort, das in einem Antwortfeld nach / eingegeben wird, um den Textbaustein einzufügen.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The response&apos;s text, with placeholders.</source>
        <translation>Der Text des Textbausteins, mit Platzhaltern.</translation>
    </message>
    <message>
        <source>Placeholders: {{contact.name}} (the number when the name is unknown), {{contact.number}}, {{agent.name}} (Settings ▸ Your name), and any other {{field}}, asked for when it is inserted.</source>
        <translation>Platzhalter: {{contact.name}} (die Nummer, wenn der Name unbekannt ist), {{contact.number}}, {{agent.name}} (Einstellungen ▸ Ihr Name) und jedes andere {{field}}, das beim Einfügen abgefragt wird.</translation>
    </message>
    <message>
        <source>Sh&amp;ortcut:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>/%1 (shared)</source>
        <translation>/%1 (geteilt)</translation>
    </message>
</context>
<context>
    <name>sb::CannedPicker</name>
    <message>
        <source>Canned responses</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter inserts, Esc closes.</source>
        <translation>Pfeil hoch und runter wählen aus, Eingabe fügt ein, Esc schließt.</translation>
    </message>
    <message>
        <source>No canned responses yet (Tools ▸ Canned responses…)</source>
        <translation>Noch keine Textbausteine (Extras ▸ Textbausteine…)</translation>
    </message>
    <message>
        <source>No canned response matches &quot;%1&quot;</source>
        <translation>Kein Textbaustein passt zu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1

(shared with the team)</source>
        <translation>%1

(mit dem Team geteilt)</translation>
    </message>
    <message>
        <source>Fill in the response</source>
        <translation>Textbaustein ausfüllen</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Leave the fields</source>
        <translation>Felder offen lassen</translation>
    </message>
    <message>
        <source>Inserts the text with the fields still to fill in</source>
        <translation>Fügt den Text mit noch auszufüllenden Feldern ein</translation>
    </message>
</context>
<context>
    <name>sb::CannedResponses</name>
    <message>
        <source>Another canned response already has the shortcut /%1.</source>
        <translation>Ein anderer Textbaustein hat bereits das Kürzel /%1.</translation>
    </message>
    <message>
        <source>Give the response a shortcut (the word typed after /).</source>
        <translation>Geben Sie dem Textbaustein ein Kürzel (das Wort, das nach / eingegeben wird).</translation>
    </message>
    <message>
        <source>The shortcut must be one word (letters, digits, - _ .), not &quot;%1&quot;.</source>
        <translation>Das Kürzel muss ein einzelnes Wort sein (Buchstaben, Ziffern, - _ .), nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The response /%1 has no text.</source>
        <translation>Der Textbaustein /%1 hat keinen Text.</translation>
    </message>
    <message>
        <source>The canned response /%1 no longer exists.</source>
        <translation>Der Textbaustein /%1 existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>sb::ConnectionStatus</name>
    <message>
        <source>&lt;b&gt;Sandbox&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sandbox&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;Live&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>Local API on %1</source>
        <translation>Lokale API auf %1</translation>
    </message>
    <message>
        <source>Webhooks on %1 · public URL %2</source>
        <translation>Webhooks auf %1 · öffentliche URL %2</translation>
    </message>
    <message>
        <source>Polling Twilio (no webhooks): last asked %1, next in %2 s</source>
        <translation>Twilio wird abgefragt (keine Webhooks): zuletzt %1, nächste Abfrage in %2 s</translation>
    </message>
    <message>
        <source>Polling Twilio (no webhooks)</source>
        <translation>Twilio wird abgefragt (keine Webhooks)</translation>
    </message>
    <message>
        <source>⚠ Twilio cannot reach this computer: set the public URL in File ▸ Settings</source>
        <translation>⚠ Twilio kann diesen Computer nicht erreichen: Legen Sie die öffentliche URL unter Datei ▸ Einstellungen fest</translation>
    </message>
    <message>
        <source>⚠ the public URL does not reach this server</source>
        <translation>⚠ die öffentliche URL erreicht diesen Server nicht</translation>
    </message>
    <message>
        <source>last webhook %1</source>
        <translation>letzter Webhook %1</translation>
    </message>
    <message>
        <source>no webhooks yet</source>
        <translation>noch keine Webhooks</translation>
    </message>
    <message>
        <source>Team console · receivers at %1</source>
        <translation>Team-Konsole · Empfänger unter %1</translation>
    </message>
    <message>
        <source>⚠ The team&apos;s database cannot be reached: nothing new arrives or is sent until it is back</source>
        <translation>⚠ Die Datenbank des Teams ist nicht erreichbar: Bis sie zurück ist, kommt nichts Neues an und nichts wird gesendet</translation>
    </message>
    <message>
        <source>webhooks go to the team&apos;s receivers</source>
        <translation>Webhooks gehen an die Empfänger des Teams</translation>
    </message>
    <message>
        <source>⚠ the team&apos;s receivers do not answer at the public URL</source>
        <translation>⚠ Die Empfänger des Teams antworten nicht unter der öffentlichen URL</translation>
    </message>
</context>
<context>
    <name>sb::ContactApi</name>
    <message>
        <source>before must be the `next` cursor of a previous page.</source>
        <translation>before muss der `next`-Cursor einer vorherigen Seite sein.</translation>
    </message>
    <message>
        <source>The store could not be read.</source>
        <translation>Der Speicher konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a name of at most %2 characters, on one line, or null for nobody.</source>
        <translation>&apos;%1&apos; ist ein Name mit höchstens %2 Zeichen in einer Zeile, oder null für niemanden.</translation>
    </message>
    <message>
        <source>assignee is a name of at most %1 characters, on one line.</source>
        <translation>assignee ist ein Name mit höchstens %1 Zeichen in einer Zeile.</translation>
    </message>
    <message>
        <source>No contact %1.</source>
        <translation>Kein Kontakt %1.</translation>
    </message>
    <message>
        <source>&apos;agent&apos; is required: a name, or null to unassign the conversation.</source>
        <translation>&apos;agent&apos; ist erforderlich: ein Name, oder null, um die Zuweisung der Unterhaltung aufzuheben.</translation>
    </message>
    <message>
        <source>The assignment could not be stored.</source>
        <translation>Die Zuweisung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The conversation is no longer assigned to anyone.</source>
        <translation>Die Unterhaltung ist niemandem mehr zugewiesen.</translation>
    </message>
    <message>
        <source>The conversation is assigned to %1 now.</source>
        <translation>Die Unterhaltung ist jetzt %1 zugewiesen.</translation>
    </message>
    <message>
        <source>&apos;agent&apos; is required: who is in the conversation.</source>
        <translation>&apos;agent&apos; ist erforderlich: wer in der Unterhaltung ist.</translation>
    </message>
    <message>
        <source>&apos;state&apos; is &quot;viewing&quot;, &quot;replying&quot;, or null when the agent left.</source>
        <translation>&apos;state&apos; ist &quot;viewing&quot;, &quot;replying&quot; oder null, wenn der Agent gegangen ist.</translation>
    </message>
    <message>
        <source>The presence could not be stored.</source>
        <translation>Die Anwesenheit konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>sb::ContactDelegate</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>%1 replying</source>
        <translation>%1 antwortet</translation>
    </message>
    <message>
        <source>%1 viewing</source>
        <translation>%1 liest mit</translation>
    </message>
</context>
<context>
    <name>sb::ContactListModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation>gefunden: %1</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>zuletzt: %1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
</context>
<context>
    <name>sb::ContentClient</name>
    <message>
        <source>the answer has no list of contents</source>
        <translation>die Antwort enthält keine Liste von Inhalten</translation>
    </message>
</context>
<context>
    <name>sb::ConversationView</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation>Nicht in %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>The messages with this customer, oldest first. Open a message&apos;s menu for copy, details, retry and edit.</source>
        <translation>Die Nachrichten mit diesem Kunden, älteste zuerst. Öffnen Sie das Menü einer Nachricht zum Kopieren, für Details, Erneut versuchen und Bearbeiten.</translation>
    </message>
    <message>
        <source>Reply… (Enter sends)</source>
        <translation>Antworten… (Eingabe sendet)</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Antwort an %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name (address)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a message to see the conversation</source>
        <translation>Wählen Sie eine Nachricht aus, um die Unterhaltung zu sehen</translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Editing the message that failed: change it and press Enter to send it again.</source>
        <translation>Die fehlgeschlagene Nachricht wird bearbeitet: Ändern Sie sie und drücken Sie Eingabe, um sie erneut zu senden.</translation>
    </message>
    <message>
        <source>Nothing was sent: type a reply first.</source>
        <translation>Es wurde nichts gesendet: Geben Sie zuerst eine Antwort ein.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>Goes out at %1 (scheduled at %2)</source>
        <translation>Wird um %1 gesendet (geplant um %2)</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Geplant für %1</translation>
    </message>
    <message>
        <source>⚠ Not delivered: %1%2</source>
        <translation>⚠ Nicht zugestellt: %1%2</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation>Gesendet von %1</translation>
    </message>
</context>
<context>
    <name>sb::EmailApi</name>
    <message>
        <source>The emails could not be read: %1</source>
        <translation>Die E-Mails konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The email this Idempotency-Key sent could not be read back (%1); it was not sent again.</source>
        <translation>Die mit diesem Idempotency-Key gesendete E-Mail konnte nicht zurückgelesen werden (%1); sie wurde nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>Today&apos;s emails could not be counted: %1</source>
        <translation>Die heutigen E-Mails konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>SendGrid refused the email: %1</source>
        <translation>SendGrid hat die E-Mail abgelehnt: %1</translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different email (%1); nothing was sent. Use a new key for a new email, or the same body to retry that one.</source>
        <translation>Dieser Idempotency-Key wurde für eine andere E-Mail verwendet (%1); es wurde nichts gesendet. Verwenden Sie einen neuen Schlüssel für eine neue E-Mail oder denselben Inhalt, um jene erneut zu versuchen.</translation>
    </message>
    <message>
        <source>No email %1.</source>
        <translation>Keine E-Mail %1.</translation>
    </message>
</context>
<context>
    <name>sb::EmailComposeWidget</name>
    <message>
        <source>From the ric&amp;h text</source>
        <translation>Aus dem formatierten Te&amp;xt</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Anhängen…</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>ana@example.com, Bo Diaz &lt;bo@example.com&gt;</source>
        <translation>ana@example.com, Bo Diaz &lt;bo@example.com&gt;</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>One or more email addresses, separated by commas.</source>
        <translation>Eine oder mehrere E-Mail-Adressen, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>To: recipients</source>
        <translation>An: Empfänger</translation>
    </message>
    <message>
        <source>Cc: copy recipients</source>
        <translation>Cc: Kopie-Empfänger</translation>
    </message>
    <message>
        <source>Bcc: hidden copy recipients</source>
        <translation>Bcc: verborgene Kopie-Empfänger</translation>
    </message>
    <message>
        <source>support@example.com</source>
        <translation>support@example.com</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>A sender identity verified in SendGrid.</source>
        <translation>Eine in SendGrid verifizierte Absenderidentität.</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>The name recipients see.</source>
        <translation>Der Name, den die Empfänger sehen.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>Temp&amp;late</source>
        <translation>&amp;Vorlage</translation>
    </message>
    <message>
        <source>Write the message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <source>Send a SendGrid dynamic template</source>
        <translation>Eine dynamische SendGrid-Vorlage senden</translation>
    </message>
    <message>
        <source>B</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation>Einen Link einfügen</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>The email&apos;s text, with formatting; sent as HTML with a plain-text alternative.</source>
        <translation>Der Text der E-Mail mit Formatierung; gesendet als HTML mit einer Nur-Text-Alternative.</translation>
    </message>
    <message>
        <source>HTML preview</source>
        <translation>HTML-Vorschau</translation>
    </message>
    <message>
        <source>The HTML part as the recipient&apos;s mail program shows it.</source>
        <translation>Der HTML-Teil, wie ihn das E-Mail-Programm des Empfängers anzeigt.</translation>
    </message>
    <message>
        <source>Plain-text alternative</source>
        <translation>Nur-Text-Alternative</translation>
    </message>
    <message>
        <source>For mail programs that show no HTML. Made from the message until you edit it here.</source>
        <translation>Für E-Mail-Programme, die kein HTML anzeigen. Wird aus der Nachricht erzeugt, bis Sie ihn hier bearbeiten.</translation>
    </message>
    <message>
        <source>Make the plain text from the rich text again</source>
        <translation>Den reinen Text erneut aus dem formatierten Text erzeugen</translation>
    </message>
    <message>
        <source>Rich text</source>
        <translation>Formatierter Text</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Message, its HTML preview and plain text</source>
        <translation>Nachricht, ihre HTML-Vorschau und reiner Text</translation>
    </message>
    <message>
        <source>Dynamic templates are picked here once the template picker is available.</source>
        <translation>Dynamische Vorlagen werden hier ausgewählt, sobald die Vorlagenauswahl verfügbar ist.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Each file with its size; Delete removes the selected ones.</source>
        <translation>Jede Datei mit ihrer Größe; Entf entfernt die ausgewählten.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>Die ausgewählten Anhänge entfernen</translation>
    </message>
    <message>
        <source>Send the email (%1)</source>
        <translation>E-Mail senden (%1)</translation>
    </message>
    <message>
        <source>Send the email</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>A&amp;bsender:</translation>
    </message>
    <message>
        <source>Sub&amp;ject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>Not an email address: %1</source>
        <translation>Keine E-Mail-Adresse: %1</translation>
    </message>
    <message>
        <source>Not email addresses: %1</source>
        <translation>Keine E-Mail-Adressen: %1</translation>
    </message>
    <message>
        <source>Add a recipient in To.</source>
        <translation>Fügen Sie unter „An“ einen Empfänger hinzu.</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc: %1</translation>
    </message>
    <message>
        <source>Bcc: %1</source>
        <translation>Bcc: %1</translation>
    </message>
    <message>
        <source>Add the From address (a sender verified in SendGrid).</source>
        <translation>Fügen Sie die Absenderadresse hinzu (einen in SendGrid verifizierten Absender).</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Pick a template.</source>
        <translation>Wählen Sie eine Vorlage.</translation>
    </message>
    <message>
        <source>Add a subject.</source>
        <translation>Fügen Sie einen Betreff hinzu.</translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation>Schreiben Sie die Nachricht.</translation>
    </message>
    <message>
        <source>The email is %1 bytes as SendGrid would receive it (attachments in base64); SendGrid takes at most %2 bytes (30 MB). Remove an attachment.</source>
        <translation>Die E-Mail ist %1 Bytes groß, so wie SendGrid sie empfangen würde (Anhänge in base64); SendGrid nimmt höchstens %2 Bytes (30 MB) an. Entfernen Sie einen Anhang.</translation>
    </message>
    <message>
        <source>Reading attachments…</source>
        <translation>Anhänge werden gelesen…</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>Link address:</source>
        <translation>Linkadresse:</translation>
    </message>
    <message>
        <source>%1 (%2) was not attached: the email would be %3 bytes as SendGrid receives it (attachments in base64); SendGrid takes at most %4 bytes (30 MB).</source>
        <translation>%1 (%2) wurde nicht angehängt: Die E-Mail wäre %3 Bytes groß, so wie SendGrid sie empfängt (Anhänge in base64); SendGrid nimmt höchstens %4 Bytes (30 MB) an.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 bytes; %2 in base64</source>
        <translation>%1 Bytes; %2 in base64</translation>
    </message>
    <message>
        <source>%1 (%2) was not attached: on its own it is over SendGrid&apos;s 30 MB.</source>
        <translation>%1 (%2) wurde nicht angehängt: Allein ist die Datei schon größer als die 30 MB von SendGrid.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 · %2 of 30 MB with base64</source>
        <translation>%1 · %2 von 30 MB mit base64</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Keine Anhänge</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 Anhang</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 Anhänge</translation>
    </message>
    <message>
        <source>SendGrid takes at most 30 MB (30,000,000 bytes) per email, measured on what it receives: attachments count in base64, a third larger than the files.</source>
        <translation>SendGrid nimmt höchstens 30 MB (30.000.000 Bytes) pro E-Mail an, gemessen an dem, was es empfängt: Anhänge zählen in base64, ein Drittel größer als die Dateien.</translation>
    </message>
</context>
<context>
    <name>sb::EmailEvents</name>
    <message>
        <source>Not SendGrid&apos;s Event Webhook batch: the body must be a JSON array of event objects.</source>
        <translation>Kein Event-Webhook-Batch von SendGrid: Der Inhalt muss ein JSON-Array aus Ereignisobjekten sein.</translation>
    </message>
    <message>
        <source>The events could not be stored; send them again.</source>
        <translation>Die Ereignisse konnten nicht gespeichert werden; senden Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>sb::EmailSender</name>
    <message>
        <source>Switchboard cannot tell whether SendGrid accepted this email: its answer was lost (Switchboard stopped or the connection failed while sending). SendGrid cannot be asked, so it was not sent again, to avoid a duplicate. Check SendGrid&apos;s Activity feed (or with the recipient) before sending it again.</source>
        <translation>Switchboard kann nicht feststellen, ob SendGrid diese E-Mail angenommen hat: Die Antwort ging verloren (Switchboard wurde beendet oder die Verbindung brach beim Senden ab). SendGrid kann nicht abgefragt werden, daher wurde sie nicht erneut gesendet, um ein Duplikat zu vermeiden. Prüfen Sie den Activity-Feed von SendGrid (oder fragen Sie beim Empfänger nach), bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>The email could not be read back from the database: %1</source>
        <translation>Die E-Mail konnte nicht aus der Datenbank zurückgelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::EmailTab</name>
    <message>
        <source>Filter by address, subject or status</source>
        <translation>Nach Adresse, Betreff oder Status filtern</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Filter emails</source>
        <translation>E-Mails filtern</translation>
    </message>
    <message>
        <source>Filte&amp;r:</source>
        <translation>Filte&amp;r:</translation>
    </message>
    <message>
        <source>Sent emails</source>
        <translation>Gesendete E-Mails</translation>
    </message>
    <message>
        <source>Every email, newest first, with its live status; select one for its timeline.</source>
        <translation>Alle E-Mails, neueste zuerst, mit ihrem Live-Status; wählen Sie eine aus, um ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Delivery events (delivered, opened, bounced) come from SendGrid&apos;s Event Webhook, which needs a public URL: emails show what SendGrid said when it accepted them. %1</source>
        <translation>Zustellereignisse (zugestellt, geöffnet, unzustellbar) kommen vom Event Webhook von SendGrid, der eine öffentliche URL benötigt: E-Mails zeigen, was SendGrid bei der Annahme gemeldet hat. %1</translation>
    </message>
    <message>
        <source>The emails could not be read: %1</source>
        <translation>Die E-Mails konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Emails sent today (UTC) against the daily limit (SENDGRID_DAILY_LIMIT; SendGrid&apos;s free plan allows 100)</source>
        <translation>Heute gesendete E-Mails (UTC) im Vergleich zum Tageslimit (SENDGRID_DAILY_LIMIT; der kostenlose Tarif von SendGrid erlaubt 100)</translation>
    </message>
    <message>
        <source>Today: unknown (%1)</source>
        <translation>Heute: unbekannt (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 emails today</source>
        <translation>%1 von %2 E-Mails heute</translation>
    </message>
    <message>
        <source>%1 emails today</source>
        <translation>%1 E-Mails heute</translation>
    </message>
    <message>
        <source>Nothing was sent: Switchboard is not connected yet.</source>
        <translation>Es wurde nichts gesendet: Switchboard ist noch nicht verbunden.</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>SendGrid refused the email; nothing was sent, your draft is kept. %1</source>
        <translation>SendGrid hat die E-Mail abgelehnt; es wurde nichts gesendet, Ihr Entwurf bleibt erhalten. %1</translation>
    </message>
    <message>
        <source>Sent to %1: SendGrid accepted it; its status follows in the list.</source>
        <translation>An %1 gesendet: SendGrid hat sie angenommen; ihr Status folgt in der Liste.</translation>
    </message>
    <message>
        <source>Stored for %1; it goes to SendGrid shortly.</source>
        <translation>Für %1 gespeichert; sie geht in Kürze an SendGrid.</translation>
    </message>
    <message>
        <source>Stored for %1; it goes to SendGrid once it can: %2</source>
        <translation>Für %1 gespeichert; sie geht an SendGrid, sobald dies möglich ist: %2</translation>
    </message>
    <message>
        <source>Email to %1: %2. %3</source>
        <translation>E-Mail an %1: %2. %3</translation>
    </message>
</context>
<context>
    <name>sb::EmailTableModel</name>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc: %1</translation>
    </message>
    <message>
        <source>Bcc: %1</source>
        <translation>Bcc: %1</translation>
    </message>
    <message>
        <source>(template %1)</source>
        <translation>(Vorlage %1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>sb::EmailTemplatePicker</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Email template</source>
        <translation>E-Mail-Vorlage</translation>
    </message>
    <message>
        <source>A SendGrid dynamic template; its variables are filled in below.</source>
        <translation>Eine dynamische SendGrid-Vorlage; ihre Variablen werden unten ausgefüllt.</translation>
    </message>
    <message>
        <source>Ask SendGrid for the account&apos;s templates again</source>
        <translation>Die Vorlagen des Kontos erneut von SendGrid abrufen</translation>
    </message>
    <message>
        <source>As SendGrid sends it: {{ }} values are HTML-escaped in the subject too (&amp; becomes &amp;amp;); the template needs {{{ }}} there.</source>
        <translation>So, wie SendGrid sie sendet: {{ }}-Werte werden auch im Betreff HTML-maskiert (&amp; wird zu &amp;amp;); die Vorlage braucht dort {{{ }}}.</translation>
    </message>
    <message>
        <source>Email preview</source>
        <translation>E-Mail-Vorschau</translation>
    </message>
    <message>
        <source>The email as the template makes it with these values.</source>
        <translation>Die E-Mail, wie die Vorlage sie mit diesen Werten erzeugt.</translation>
    </message>
    <message>
        <source>No connection to SendGrid: set SENDGRID_API_KEY.</source>
        <translation>Keine Verbindung zu SendGrid: Setzen Sie SENDGRID_API_KEY.</translation>
    </message>
    <message>
        <source>Loading the account&apos;s templates…</source>
        <translation>Vorlagen des Kontos werden geladen…</translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation>Die Vorlagen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Keine Vorlage</translation>
    </message>
    <message>
        <source>%1
Active version: %2 (subject &quot;%3&quot;)</source>
        <translation>%1
Aktive Version: %2 (Betreff „%3“)</translation>
    </message>
    <message>
        <source>%1
No active version</source>
        <translation>%1
Keine aktive Version</translation>
    </message>
    <message>
        <source>1 dynamic template</source>
        <translation>1 dynamische Vorlage</translation>
    </message>
    <message>
        <source>%1 dynamic templates</source>
        <translation>%1 dynamische Vorlagen</translation>
    </message>
    <message>
        <source>Loading &quot;%1&quot;…</source>
        <translation>„%1“ wird geladen…</translation>
    </message>
    <message>
        <source>The template could not be loaded: %1</source>
        <translation>Die Vorlage konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no active version: SendGrid would send nothing. Activate one in SendGrid&apos;s Dynamic Templates.</source>
        <translation>„%1“ hat keine aktive Version: SendGrid würde nichts senden. Aktivieren Sie eine unter „Dynamic Templates“ in SendGrid.</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot; cannot be filled in: %2</source>
        <translation>Version „%1“ kann nicht ausgefüllt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Version &quot;%1&quot;, %n variable(s)</source>
        <translation>
            <numerusform>Version „%1“, %n Variable</numerusform>
            <numerusform>Version „%1“, %n Variablen</numerusform>
        </translation>
    </message>
    <message>
        <source>Template variable %1</source>
        <translation>Vorlagenvariable %1</translation>
    </message>
    <message>
        <source>Fills %1 in the template.</source>
        <translation>Füllt %1 in der Vorlage aus.</translation>
    </message>
    <message>
        <source>shown when on</source>
        <translation>angezeigt, wenn aktiv</translation>
    </message>
    <message>
        <source>Template condition %1</source>
        <translation>Vorlagenbedingung %1</translation>
    </message>
    <message>
        <source>Turns on the template&apos;s {{#if %1}} part.</source>
        <translation>Aktiviert den Teil {{#if %1}} der Vorlage.</translation>
    </message>
    <message>
        <source>Template list %1</source>
        <translation>Vorlagenliste %1</translation>
    </message>
    <message>
        <source>One row per item of {{#each %1}}.</source>
        <translation>Eine Zeile pro Element von {{#each %1}}.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Values separated by commas</source>
        <translation>Werte durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Element entfernen</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
</context>
<context>
    <name>sb::EmailTimeline</name>
    <message>
        <source>Email timeline</source>
        <translation>E-Mail-Verlauf</translation>
    </message>
    <message>
        <source>Everything that happened to the selected email, with its time: SendGrid&apos;s delivery events, opens and clicks.</source>
        <translation>Alles, was mit der ausgewählten E-Mail passiert ist, mit Zeitpunkt: Zustellereignisse von SendGrid, Öffnungen und Klicks.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked a link</source>
        <translation>Link angeklickt</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Unsubscribed from the group</source>
        <translation>Von der Gruppe abgemeldet</translation>
    </message>
    <message>
        <source>Resubscribed to the group</source>
        <translation>Wieder bei der Gruppe angemeldet</translation>
    </message>
    <message>
        <source>Select an email to see its timeline.</source>
        <translation>Wählen Sie eine E-Mail aus, um ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>“%1” to %2</source>
        <translation>„%1“ an %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1  Stored, handed to SendGrid</source>
        <translation>%1  Gespeichert, an SendGrid übergeben</translation>
    </message>
    <message>
        <source>Recipient: %1</source>
        <translation>Empfänger: %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>sb::FailureNotice</name>
    <message>
        <source>Show conversation</source>
        <translation>Unterhaltung anzeigen</translation>
    </message>
    <message>
        <source>Failed message notice</source>
        <translation>Hinweis auf fehlgeschlagene Nachricht</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <source>Message %1 was not delivered: %2%3</source>
        <translation>Nachricht %1 wurde nicht zugestellt: %2%3</translation>
    </message>
    <message>
        <source>Your message to %1 was not delivered: %2%3</source>
        <translation>Ihre Nachricht an %1 wurde nicht zugestellt: %2%3</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more failed)</source>
        <translation>
            <numerusform>(und %n weitere fehlgeschlagen)</numerusform>
            <numerusform>(und %n weitere fehlgeschlagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows message %1</source>
        <translation>Zeigt Nachricht %1 an</translation>
    </message>
    <message>
        <source>Opens the conversation with %1</source>
        <translation>Öffnet die Unterhaltung mit %1</translation>
    </message>
</context>
<context>
    <name>sb::HttpServer</name>
    <message>
        <source>The request body is over %1 bytes.</source>
        <translation>Der Request-Body ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>Method %1 is not allowed here; use %2.</source>
        <translation>Methode %1 ist hier nicht erlaubt; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation>Ressource nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>sb::InboxTab</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Later…</source>
        <translation>Später…</translation>
    </message>
    <message>
        <source>Search every message… (Ctrl+F)</source>
        <translation>Alle Nachrichten durchsuchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche löschen</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <source>Finds messages, numbers and names as you type; Down goes to the results, Enter opens the first.</source>
        <translation>Findet Nachrichten, Nummern und Namen während der Eingabe; Pfeil nach unten wechselt zu den Ergebnissen, Eingabe öffnet das erste.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Newest conversation first. Enter opens the thread; Escape goes back to the search.</source>
        <translation>Neueste Unterhaltung zuerst. Eingabe öffnet die Unterhaltung; Escape kehrt zur Suche zurück.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Kontaktname</translation>
    </message>
    <message>
        <source>Enter saves the name, Escape cancels; empty shows the WhatsApp profile name again.</source>
        <translation>Eingabe speichert den Namen, Escape bricht ab; leer zeigt wieder den WhatsApp-Profilnamen.</translation>
    </message>
    <message>
        <source>Edit the name (F2)</source>
        <translation>Namen bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Edit the contact&apos;s name</source>
        <translation>Namen des Kontakts bearbeiten</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save this conversation, every channel with statuses, media links and notes, as CSV or as a printable PDF</source>
        <translation>Diese Unterhaltung über alle Kanäle mit Status, Medienlinks und Notizen als CSV oder druckbares PDF speichern</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>CSV or PDF</source>
        <translation>CSV oder PDF</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktdetails</translation>
    </message>
    <message>
        <source>WhatsApp window</source>
        <translation>WhatsApp-Fenster</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation>Nicht unter %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>Reply on channel</source>
        <translation>Antworten über Kanal</translation>
    </message>
    <message>
        <source>Defaults to the channel the contact last wrote on.</source>
        <translation>Standardmäßig der Kanal, über den der Kontakt zuletzt geschrieben hat.</translation>
    </message>
    <message>
        <source>Reply… (Enter sends)</source>
        <translation>Antworten… (Eingabe sendet)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Write an internal note instead of a reply: only agents see it, it is never sent (Ctrl+Shift+N)</source>
        <translation>Statt einer Antwort eine interne Notiz schreiben: Nur Agenten sehen sie, sie wird nie gesendet (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N. The box then saves an internal note, never sent.</source>
        <translation>Strg+Umschalt+N. Das Feld speichert dann eine interne Notiz, die nie gesendet wird.</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Enter in the reply box</source>
        <translation>Eingabe im Antwortfeld</translation>
    </message>
    <message>
        <source>Schedule this reply: Switchboard sends it at the time you pick, with every check applied then</source>
        <translation>Diese Antwort planen: Switchboard sendet sie zum gewählten Zeitpunkt und wendet dann alle Prüfungen an</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Opens a dialog to pick the time.</source>
        <translation>Öffnet einen Dialog zur Auswahl des Zeitpunkts.</translation>
    </message>
    <message>
        <source>Reply check</source>
        <translation>Antwortprüfung</translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation>Die Kontakte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Keine Treffer für „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Choose a conversation on the left</source>
        <translation>Wählen Sie links eine Unterhaltung</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>has not opted out</source>
        <translation>hat sich nicht abgemeldet</translation>
    </message>
    <message>
        <source>opted out (replied STOP) of messages from %1</source>
        <translation>von Nachrichten von %1 abgemeldet (mit STOP geantwortet)</translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Antworten an %1</translation>
    </message>
    <message>
        <source>The name was not saved: %1</source>
        <translation>Der Name wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Internal note, never sent… (Enter saves, Escape cancels)</source>
        <translation>Interne Notiz, wird nie gesendet… (Eingabe speichert, Esc bricht ab)</translation>
    </message>
    <message>
        <source>Only agents see notes; they are never sent.</source>
        <translation>Nur Agents sehen Notizen; sie werden nie gesendet.</translation>
    </message>
    <message>
        <source>Free text cannot be sent on %1 now: see above</source>
        <translation>Freitext kann über %1 gerade nicht gesendet werden: siehe oben</translation>
    </message>
    <message>
        <source>Nothing was sent: type a reply first.</source>
        <translation>Nichts wurde gesendet: Geben Sie zuerst eine Antwort ein.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>Die Notiz wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Note saved; it is not sent to the customer.</source>
        <translation>Notiz gespeichert; sie wird nicht an den Kunden gesendet.</translation>
    </message>
    <message>
        <source>CSV, for a spreadsheet (*.csv);;PDF, to print (*.pdf)</source>
        <translation>CSV, für eine Tabellenkalkulation (*.csv);;PDF, zum Drucken (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting the conversation with %1…</source>
        <translation>Unterhaltung mit %1 wird exportiert…</translation>
    </message>
    <message>
        <source>Nothing was exported. %1</source>
        <translation>Nichts wurde exportiert. %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>Everyone&apos;s conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Show conversations</source>
        <translation>Unterhaltungen anzeigen</translation>
    </message>
    <message>
        <source>Everyone&apos;s, the ones assigned to you, or the unassigned ones, each with its unread count.</source>
        <translation>Alle, die Ihnen zugewiesenen oder die nicht zugewiesenen, jeweils mit der Zahl der ungelesenen.</translation>
    </message>
    <message>
        <source>No conversation is assigned to you.</source>
        <translation>Ihnen ist keine Unterhaltung zugewiesen.</translation>
    </message>
    <message>
        <source>Every conversation is assigned.</source>
        <translation>Jede Unterhaltung ist zugewiesen.</translation>
    </message>
    <message>
        <source>%1 — %2 unread</source>
        <translation>%1 — %2 ungelesen</translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation>Meine (%1)</translation>
    </message>
    <message>
        <source>Unassigned (%1)</source>
        <translation>Nicht zugewiesen (%1)</translation>
    </message>
    <message>
        <source>the contact is gone</source>
        <translation>der Kontakt existiert nicht mehr</translation>
    </message>
    <message>
        <source>Others in this conversation</source>
        <translation>Andere in dieser Unterhaltung</translation>
    </message>
</context>
<context>
    <name>sb::IvrActionForm</name>
    <message>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <source>Record the forwarded call</source>
        <translation>Weitergeleiteten Anruf aufnehmen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Beep before recording</source>
        <translation>Signalton vor der Aufnahme</translation>
    </message>
    <message>
        <source>Say something</source>
        <translation>Etwas ansagen</translation>
    </message>
    <message>
        <source>Forward to a number</source>
        <translation>An eine Nummer weiterleiten</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Sub-menu</source>
        <translation>Untermenü</translation>
    </message>
    <message>
        <source>Send an SMS</source>
        <translation>SMS senden</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Back to the menu</source>
        <translation>Zurück zum Menü</translation>
    </message>
    <message>
        <source>For you only; never spoken</source>
        <translation>Nur für Sie; wird nie angesagt</translation>
    </message>
    <message>
        <source>We have sent you a text message.</source>
        <translation>Wir haben Ihnen eine SMS gesendet.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Repeat &amp;while silent:</source>
        <translation>&amp;Wiederholen bei Stille:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>T&amp;hen:</source>
        <translation>&amp;Danach:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>&amp;Ring for:</source>
        <translation>&amp;Klingeln für:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>An&amp;sage:</translation>
    </message>
    <message>
        <source>Ma&amp;x length:</source>
        <translation>Ma&amp;x. Länge:</translation>
    </message>
    <message>
        <source>&amp;Confirmation:</source>
        <translation>Bestäti&amp;gung:</translation>
    </message>
    <message>
        <source>What this does</source>
        <translation>Was dies bewirkt</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Tastenbezeichnung</translation>
    </message>
    <message>
        <source>A name for the key in this editor.</source>
        <translation>Ein Name für die Taste in diesem Editor.</translation>
    </message>
    <message>
        <source>Silences answered by repeating the menu</source>
        <translation>Stille, die mit Wiederholung des Menüs beantwortet wird</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>What is said, or the SMS sent.</source>
        <translation>Was angesagt oder als SMS gesendet wird.</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Forward number</source>
        <translation>Weiterleitungsnummer</translation>
    </message>
    <message>
        <source>E.164, e.g. +14155550100.</source>
        <translation>E.164, z. B. +14155550100.</translation>
    </message>
    <message>
        <source>Seconds to ring the forward number</source>
        <translation>Sekunden, die die Weiterleitungsnummer klingelt</translation>
    </message>
    <message>
        <source>Voicemail prompt</source>
        <translation>Mailbox-Ansage</translation>
    </message>
    <message>
        <source>Said before the beep.</source>
        <translation>Wird vor dem Signalton angesagt.</translation>
    </message>
    <message>
        <source>Longest voicemail</source>
        <translation>Längste Mailbox-Nachricht</translation>
    </message>
    <message>
        <source>SMS confirmation</source>
        <translation>SMS-Bestätigung</translation>
    </message>
    <message>
        <source>Said once the message is queued.</source>
        <translation>Wird angesagt, sobald die Nachricht in der Warteschlange ist.</translation>
    </message>
    <message>
        <source>Optional goodbye</source>
        <translation>Optionale Verabschiedung</translation>
    </message>
</context>
<context>
    <name>sb::IvrApi</name>
    <message>
        <source>The IVR could not be read: %1</source>
        <translation>Das IVR konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The IVR was not stored (%1); calls keep the previous version.</source>
        <translation>Das IVR wurde nicht gespeichert (%1); Anrufe behalten die vorherige Version.</translation>
    </message>
</context>
<context>
    <name>sb::IvrEditor</name>
    <message>
        <source>Add &amp;key</source>
        <translation>&amp;Taste hinzufügen</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Opening h&amp;ours</source>
        <translation>&amp;Geschäftszeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Call &amp;me to try it</source>
        <translation>Zum Testen &amp;mich anrufen</translation>
    </message>
    <message>
        <source>IVR menu</source>
        <translation>IVR-Menü</translation>
    </message>
    <message>
        <source>The greeting, each key and what it does, sub-menus beneath their key; select one to edit it.</source>
        <translation>Die Begrüßung, jede Taste und ihre Aktion, Untermenüs unter ihrer Taste; wählen Sie einen Eintrag zum Bearbeiten aus.</translation>
    </message>
    <message>
        <source>Key to add</source>
        <translation>Hinzuzufügende Taste</translation>
    </message>
    <message>
        <source>Add the chosen key to the selected menu</source>
        <translation>Die gewählte Taste zum ausgewählten Menü hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected key</source>
        <translation>Ausgewählte Taste entfernen</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Outside them, calls get the out-of-hours action.</source>
        <translation>Außerhalb davon erhalten Anrufe die Aktion für außerhalb der Geschäftszeiten.</translation>
    </message>
    <message>
        <source>TwiML preview</source>
        <translation>TwiML-Vorschau</translation>
    </message>
    <message>
        <source>What the console answers Twilio with for the selected node.</source>
        <translation>Was die Konsole Twilio für den ausgewählten Knoten antwortet.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>What stops the menu from being saved, and where; activate one to go there.</source>
        <translation>Was das Speichern des Menüs verhindert und wo; aktivieren Sie einen Eintrag, um dorthin zu springen.</translation>
    </message>
    <message>
        <source>Save the IVR as a new version</source>
        <translation>IVR als neue Version speichern</translation>
    </message>
    <message>
        <source>New calls run it; calls in the menu keep theirs.</source>
        <translation>Neue Anrufe verwenden sie; Anrufe im Menü behalten ihre.</translation>
    </message>
    <message>
        <source>Revert to the saved IVR</source>
        <translation>Auf das gespeicherte IVR zurücksetzen</translation>
    </message>
    <message>
        <source>Call my phone to try the saved IVR</source>
        <translation>Mein Telefon anrufen, um das gespeicherte IVR zu testen</translation>
    </message>
    <message>
        <source>Set your own phone in File ▸ Settings (SWITCHBOARD_AGENT_PHONE) to try the IVR on it.</source>
        <translation>Tragen Sie Ihr eigenes Telefon unter Datei ▸ Einstellungen ein (SWITCHBOARD_AGENT_PHONE), um das IVR damit zu testen.</translation>
    </message>
    <message>
        <source>Rings %1 with a call that runs the saved IVR%2.</source>
        <translation>Ruft %1 mit einem Anruf an, der das gespeicherte IVR ausführt%2.</translation>
    </message>
    <message>
        <source> (in the sandbox)</source>
        <translation> (in der Sandbox)</translation>
    </message>
    <message>
        <source>Reading the IVR…</source>
        <translation>IVR wird gelesen…</translation>
    </message>
    <message>
        <source>The IVR could not be read: %1</source>
        <translation>Das IVR konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: %1. New calls keep the previous version.</source>
        <translation>Nicht gespeichert: %1. Neue Anrufe behalten die vorherige Version.</translation>
    </message>
    <message>
        <source>Calling your phone (%1)…</source>
        <translation>Ihr Telefon wird angerufen (%1)…</translation>
    </message>
    <message>
        <source>Calling %1 with version %2; your unsaved changes are not in it.</source>
        <translation>%1 wird mit Version %2 angerufen; Ihre ungespeicherten Änderungen sind nicht enthalten.</translation>
    </message>
    <message>
        <source>Calling %1 with version %2: answer it to hear the menu.</source>
        <translation>%1 wird mit Version %2 angerufen: Nehmen Sie ab, um das Menü zu hören.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>One problem to fix before saving.</source>
        <translation>Ein Problem muss vor dem Speichern behoben werden.</translation>
    </message>
    <message>
        <source>%1 problems to fix before saving.</source>
        <translation>%1 Probleme müssen vor dem Speichern behoben werden.</translation>
    </message>
    <message>
        <source>Unsaved changes (version %1 is what calls run).</source>
        <translation>Ungespeicherte Änderungen (Anrufe verwenden Version %1).</translation>
    </message>
    <message>
        <source>The built-in menu (nothing saved yet).</source>
        <translation>Das integrierte Menü (noch nichts gespeichert).</translation>
    </message>
    <message>
        <source>Version %1, saved.</source>
        <translation>Version %1, gespeichert.</translation>
    </message>
    <message>
        <source>No TwiML: %1</source>
        <translation>Kein TwiML: %1</translation>
    </message>
    <message>
        <source>Fix the problems listed below first.</source>
        <translation>Beheben Sie zuerst die unten aufgeführten Probleme.</translation>
    </message>
</context>
<context>
    <name>sb::IvrHoursForm</name>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>An IANA zone like Europe/London.</source>
        <translation>Eine IANA-Zone wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Open on %1</source>
        <translation>Geöffnet am %1</translation>
    </message>
    <message>
        <source>Ranges like 09:00-12:00, 13:00-17:00; empty: closed.</source>
        <translation>Zeitspannen wie 09:00-12:00, 13:00-17:00; leer: geschlossen.</translation>
    </message>
</context>
<context>
    <name>sb::IvrMenuForm</name>
    <message>
        <source>As the enclosing menu</source>
        <translation>Wie im übergeordneten Menü</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sa&amp;y:</source>
        <translation>&amp;Ansage:</translation>
    </message>
    <message>
        <source>Vo&amp;ice:</source>
        <translation>Sti&amp;mme:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Wait for a key:</source>
        <translation>Auf &amp;Taste warten:</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>What the caller hears.</source>
        <translation>Was der Anrufer hört.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>alice, man, woman, Polly.&lt;name&gt; or Google.&lt;name&gt;.</source>
        <translation>alice, man, woman, Polly.&lt;name&gt; oder Google.&lt;name&gt;.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A language tag like en-US.</source>
        <translation>Ein Sprach-Tag wie en-US.</translation>
    </message>
    <message>
        <source>Seconds to wait for a key</source>
        <translation>Sekunden, die auf eine Taste gewartet wird</translation>
    </message>
    <message>
        <source>Said on an unknown key</source>
        <translation>Ansage bei unbekannter Taste</translation>
    </message>
    <message>
        <source>Said when a key with no option is pressed; then the menu again.</source>
        <translation>Wird angesagt, wenn eine Taste ohne Option gedrückt wird; danach erneut das Menü.</translation>
    </message>
</context>
<context>
    <name>sb::IvrTreeModel</name>
    <message>
        <source>say “%1”</source>
        <translation>„%1“ ansagen</translation>
    </message>
    <message>
        <source>forward to %1</source>
        <translation>weiterleiten an %1</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(keine Nummer)</translation>
    </message>
    <message>
        <source>voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>sub-menu</source>
        <translation>Untermenü</translation>
    </message>
    <message>
        <source>text “%1”</source>
        <translation>SMS „%1“</translation>
    </message>
    <message>
        <source>hang up</source>
        <translation>auflegen</translation>
    </message>
    <message>
        <source>Greeting (empty)</source>
        <translation>Begrüßung (leer)</translation>
    </message>
    <message>
        <source>Greeting: “%1”</source>
        <translation>Begrüßung: „%1“</translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation>Taste %1: %2</translation>
    </message>
    <message>
        <source>Key %1 (%2): %3</source>
        <translation>Taste %1 (%2): %3</translation>
    </message>
    <message>
        <source>No key pressed: %1</source>
        <translation>Keine Taste gedrückt: %1</translation>
    </message>
    <message>
        <source>Unknown key: “%1”</source>
        <translation>Unbekannte Taste: „%1“</translation>
    </message>
    <message>
        <source>Opening hours (%1)</source>
        <translation>Geschäftszeiten (%1)</translation>
    </message>
    <message>
        <source>Out of hours: %1</source>
        <translation>Außerhalb der Geschäftszeiten: %1</translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation>Auf Wiederhören.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Sorry, that is not one of the options.</source>
        <translation>Diese Auswahl gibt es leider nicht.</translation>
    </message>
    <message>
        <source>We are closed. Please leave a message after the beep.</source>
        <translation>Wir haben geschlossen. Bitte hinterlassen Sie nach dem Signalton eine Nachricht.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sb::IvrWebhooks</name>
    <message>
        <source>CallSid is required.</source>
        <translation>CallSid ist erforderlich.</translation>
    </message>
    <message>
        <source>The IVR could not be read; Twilio will retry.</source>
        <translation>Die IVR konnte nicht gelesen werden; Twilio versucht es erneut.</translation>
    </message>
    <message>
        <source>The IVR&apos;s TwiML could not be built.</source>
        <translation>Das TwiML der IVR konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>sb::JsonRequest</name>
    <message>
        <source>got another JSON value</source>
        <translation>weiterer JSON-Wert gefunden</translation>
    </message>
    <message>
        <source>The request body must be a JSON object: %1</source>
        <translation>Der Request-Body muss ein JSON-Objekt sein: %1</translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation>Muss eine Zeichenkette sein.</translation>
    </message>
</context>
<context>
    <name>sb::LocalApi</name>
    <message>
        <source>Too many requests: this client may make %1 at once and %2 a second; try again in %3 s.</source>
        <translation>Zu viele Anfragen: Dieser Client darf %1 gleichzeitig und %2 pro Sekunde stellen; versuchen Sie es in %3 s erneut.</translation>
    </message>
    <message>
        <source>Missing or wrong API token: send &apos;Authorization: Bearer &lt;token&gt;&apos; with the value of SWITCHBOARD_API_TOKEN (or the token file named at start-up).</source>
        <translation>API-Token fehlt oder ist falsch: Senden Sie &apos;Authorization: Bearer &lt;token&gt;&apos; mit dem Wert von SWITCHBOARD_API_TOKEN (oder der beim Start angegebenen Token-Datei).</translation>
    </message>
    <message>
        <source>media must be an array of the sandbox&apos;s sample names, e.g. [&quot;photo&quot;].</source>
        <translation>media muss ein Array mit Beispielnamen der Sandbox sein, z. B. [&quot;photo&quot;].</translation>
    </message>
    <message>
        <source>The sandbox did not answer: %1</source>
        <translation>Die Sandbox hat nicht geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>sb::LogDock</name>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Niedrigste angezeigte Stufe</translation>
    </message>
    <message>
        <source>Category, e.g. switchboard.http</source>
        <translation>Kategorie, z. B. switchboard.http</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
</context>
<context>
    <name>sb::LogModel</name>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>sb::MainWindow</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab switch channels; Alt+1 to Alt+%1 go to one.</source>
        <translation>Strg+Tab und Strg+Umschalt+Tab wechseln die Kanäle; Alt+1 bis Alt+%1 springen direkt zu einem.</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Here you will call customers and take their calls, and see each call&apos;s progress as it happens.</source>
        <translation>Hier werden Sie Kunden anrufen und ihre Anrufe annehmen und den Verlauf jedes Anrufs live verfolgen.</translation>
    </message>
    <message>
        <source>Calls are not available in Switchboard yet. When they are, they will use your Twilio account and a phone number that can take calls: add both in File ▸ Settings.</source>
        <translation>Anrufe sind in Switchboard noch nicht verfügbar. Sobald sie es sind, verwenden sie Ihr Twilio-Konto und eine Telefonnummer, die Anrufe annehmen kann: Fügen Sie beides unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Here you will chat with customers on WhatsApp, including the approved messages that can start a conversation after 24 hours of silence.</source>
        <translation>Hier werden Sie mit Kunden über WhatsApp chatten, einschließlich der genehmigten Nachrichten, mit denen sich nach 24 Stunden Stille eine Unterhaltung beginnen lässt.</translation>
    </message>
    <message>
        <source>WhatsApp is not available in Switchboard yet. When it is, add your WhatsApp sender number in File ▸ Settings.</source>
        <translation>WhatsApp ist in Switchboard noch nicht verfügbar. Sobald es verfügbar ist, fügen Sie Ihre WhatsApp-Absendernummer unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Here you will email customers and see whether each email was delivered, opened or bounced.</source>
        <translation>Hier werden Sie Kunden E-Mails senden und sehen, ob jede E-Mail zugestellt, geöffnet oder zurückgewiesen wurde.</translation>
    </message>
    <message>
        <source>Email is not available in Switchboard yet. When it is, add your SendGrid API key in File ▸ Settings.</source>
        <translation>E-Mail ist in Switchboard noch nicht verfügbar. Sobald es verfügbar ist, fügen Sie Ihren SendGrid-API-Schlüssel unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>&amp;Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Search messages</source>
        <translation>Nachrichten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Reply box</source>
        <translation>&amp;Antwortfeld</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>&amp;Nächster Tab</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>&amp;Vorheriger Tab</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Extras</translation>
    </message>
    <message>
        <source>&amp;Canned responses…</source>
        <translation>&amp;Textbausteine…</translation>
    </message>
    <message>
        <source>Sa&amp;ndbox</source>
        <translation>Sa&amp;ndbox</translation>
    </message>
    <message>
        <source>Simulate incoming %1</source>
        <translation>Eingehende %1 simulieren</translation>
    </message>
    <message>
        <source>…with a &amp;picture</source>
        <translation>…mit &amp;Bild</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unread</source>
        <translation>
            <numerusform>%1: %n ungelesen</numerusform>
            <numerusform>%1: %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration error: %1</source>
        <translation>Konfigurationsfehler: %1</translation>
    </message>
    <message>
        <source>The sandbox could not simulate the incoming %1 message: %2</source>
        <translation>Die Sandbox konnte die eingehende %1-Nachricht nicht simulieren: %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox mode&lt;/b&gt; — nothing is really sent: Switchboard is using its built-in practice sandbox. Add your Twilio account in &lt;i&gt;File ▸ Settings&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Sandbox-Modus&lt;/b&gt; — nichts wird wirklich gesendet: Switchboard verwendet seine eingebaute Übungs-Sandbox. Fügen Sie Ihr Twilio-Konto unter &lt;i&gt;Datei ▸ Einstellungen&lt;/i&gt; hinzu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox mode&lt;/b&gt; — nothing is really sent: Switchboard is using its built-in practice sandbox. &lt;i&gt;Sandbox ▸ Simulate incoming %1&lt;/i&gt; (Ctrl+I) plays a customer; add your Twilio account in &lt;i&gt;File ▸ Settings&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Sandbox-Modus&lt;/b&gt; — nichts wird wirklich gesendet: Switchboard verwendet seine eingebaute Übungs-Sandbox. &lt;i&gt;Sandbox ▸ Eingehende %1 simulieren&lt;/i&gt; (Strg+I) spielt einen Kunden; fügen Sie Ihr Twilio-Konto unter &lt;i&gt;Datei ▸ Einstellungen&lt;/i&gt; hinzu.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Canned responses open once Switchboard has started.</source>
        <translation>Textbausteine lassen sich öffnen, sobald Switchboard gestartet ist.</translation>
    </message>
    <message>
        <source>Restoring the numbers wired to this console…</source>
        <translation>Die mit dieser Konsole verbundenen Nummern werden wiederhergestellt…</translation>
    </message>
    <message>
        <source>%1 links open in the %2 tab, which this console does not have.</source>
        <translation>%1-Links öffnen sich im Tab %2, den diese Konsole nicht hat.</translation>
    </message>
    <message>
        <source>Switchboard keeps running</source>
        <translation>Switchboard läuft weiter</translation>
    </message>
    <message>
        <source>It still receives messages and calls. Quit it from the tray&apos;s menu or with File ▸ Quit.</source>
        <translation>Es empfängt weiterhin Nachrichten und Anrufe. Beenden Sie es über das Menü im Infobereich oder mit Datei ▸ Beenden.</translation>
    </message>
    <message>
        <source>Switchboard — %1</source>
        <translation>Switchboard — %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n ungelesen)</numerusform>
            <numerusform>%1 (%n ungelesen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::MediaApi</name>
    <message>
        <source>The message&apos;s media could not be read: %1</source>
        <translation>Die Medien der Nachricht konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No message %1 is known here.</source>
        <translation>Keine Nachricht %1 ist hier bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>Message %1 has no media %2 (it has %n file(s), numbered from 0 as MediaUrl{N}).</source>
        <translation>
            <numerusform>Nachricht %1 hat kein Medium %2 (sie hat %n Datei, nummeriert ab 0 als MediaUrl{N}).</numerusform>
            <numerusform>Nachricht %1 hat kein Medium %2 (sie hat %n Dateien, nummeriert ab 0 als MediaUrl{N}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Media %1 of %2 is being downloaded; try again shortly.</source>
        <translation>Medium %1 von %2 wird heruntergeladen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Media %1 of %2 is not downloaded: %3</source>
        <translation>Medium %1 von %2 ist nicht heruntergeladen: %3</translation>
    </message>
    <message>
        <source>Media %1 of %2 was stored but cannot be read: %3</source>
        <translation>Medium %1 von %2 wurde gespeichert, kann aber nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>sb::MediaAttachments</name>
    <message>
        <source>Sent from this console (%1)</source>
        <translation>Von dieser Konsole gesendet (%1)</translation>
    </message>
    <message>
        <source>Sent file: %1 · %2</source>
        <translation>Gesendete Datei: %1 · %2</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>Anhang %1</translation>
    </message>
    <message>
        <source>Attachment %1 (%2)</source>
        <translation>Anhang %1 (%2)</translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation>Anhang %1</translation>
    </message>
    <message>
        <source>⚠ %1 (%2) was not downloaded: %3</source>
        <translation>⚠ %1 (%2) wurde nicht heruntergeladen: %3</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Downloading %1 (%2)…</source>
        <translation>%1 (%2) wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Picture: %1 · %2 (loading…)</source>
        <translation>Bild: %1 · %2 (wird geladen…)</translation>
    </message>
    <message>
        <source>%1 · %2 — click to see it full size</source>
        <translation>%1 · %2 — klicken für volle Größe</translation>
    </message>
    <message>
        <source>Audio: %1 · %2</source>
        <translation>Audio: %1 · %2</translation>
    </message>
    <message>
        <source>Video: %1 · %2</source>
        <translation>Video: %1 · %2</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>File: %1 · %2</source>
        <translation>Datei: %1 · %2</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
</context>
<context>
    <name>sb::MediaDownload</name>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>its MediaUrl is not an http(s) URL</source>
        <translation>seine MediaUrl ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>it is %1 bytes, more than the %2 accepted (%3 MB)</source>
        <translation>sie ist %1 Bytes groß, mehr als die zulässigen %2 (%3 MB)</translation>
    </message>
    <message>
        <source>cannot write a temporary file in %1: %2</source>
        <translation>in %1 kann keine temporäre Datei geschrieben werden: %2</translation>
    </message>
    <message>
        <source>it is more than the %1 bytes accepted (%2 MB)</source>
        <translation>sie ist größer als die zulässigen %1 Bytes (%2 MB)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a Location</source>
        <translation>%1 antwortete mit HTTP %2 ohne Location</translation>
    </message>
    <message>
        <source>more than %1 redirects</source>
        <translation>mehr als %1 Weiterleitungen</translation>
    </message>
    <message>
        <source>%1 redirected from https to http</source>
        <translation>%1 leitete von https auf http um</translation>
    </message>
    <message>
        <source>%1 redirected to a URL that is not http(s)</source>
        <translation>%1 leitete auf eine URL um, die nicht http(s) ist</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 antwortete mit HTTP %2 %3</translation>
    </message>
    <message>
        <source>the transfer from %1 broke off: %2</source>
        <translation>die Übertragung von %1 brach ab: %2</translation>
    </message>
    <message>
        <source>cannot write a temporary file in %1</source>
        <translation>in %1 kann keine temporäre Datei geschrieben werden</translation>
    </message>
    <message>
        <source>nothing was downloaded</source>
        <translation>es wurde nichts heruntergeladen</translation>
    </message>
    <message>
        <source>cannot make the folder of %1</source>
        <translation>der Ordner für %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot store %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sb::MediaFetcher</name>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1; neuer Versuch in %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%1; gave up after %n attempt(s)</source>
        <translation>
            <numerusform>%1; nach %n Versuch aufgegeben</numerusform>
            <numerusform>%1; nach %n Versuchen aufgegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::MediaImageDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This picture cannot be shown: %1</source>
        <translation>Dieses Bild kann nicht angezeigt werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::MediaShares</name>
    <message>
        <source>Twilio cannot download attachments from this console: %1</source>
        <translation>Twilio kann keine Anhänge von dieser Konsole herunterladen: %1</translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 could not be copied into %2.</source>
        <translation>%1 konnte nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <source>%1 could not be saved into %2.</source>
        <translation>%1 konnte nicht in %2 gespeichert werden.</translation>
    </message>
    <message>
        <source>Media cannot be read right now.</source>
        <translation>Medien können gerade nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 could not be read back from %2.</source>
        <translation>%1 konnte nicht aus %2 zurückgelesen werden.</translation>
    </message>
</context>
<context>
    <name>sb::MessageDetailDialog</name>
    <message>
        <source>Message from %1</source>
        <translation>Nachricht von %1</translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Twilio SID:</source>
        <translation>Twilio-SID:</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status timeline</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Status timeline (every callback, in arrival order)</source>
        <translation>Statusverlauf (jeder Callback, in Eingangsreihenfolge)</translation>
    </message>
    <message>
        <source>%1 (polled)</source>
        <translation>%1 (abgefragt)</translation>
    </message>
    <message>
        <source>Learned by asking Twilio: its status callback never arrived.</source>
        <translation>Durch Nachfrage bei Twilio ermittelt: Der Status-Callback ist nie eingetroffen.</translation>
    </message>
</context>
<context>
    <name>sb::MessageListApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation>Der Speicher konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>sb::MessageTab</name>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Search by number or text (Ctrl+F)</source>
        <translation>Nach Nummer oder Text suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche löschen</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <source>Searches every stored message by number or text.</source>
        <translation>Durchsucht alle gespeicherten Nachrichten nach Nummer oder Text.</translation>
    </message>
    <message>
        <source>Show messages with status</source>
        <translation>Nachrichten mit Status anzeigen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed or undelivered</source>
        <translation>Fehlgeschlagen oder nicht zugestellt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Newest first. Enter opens a message&apos;s details; the menu key opens its actions.</source>
        <translation>Neueste zuerst. Eingabe öffnet die Details einer Nachricht; die Menütaste öffnet ihre Aktionen.</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>Nicht storniert</translation>
    </message>
    <message>
        <source>The message is no longer waiting to be sent (it is %1).</source>
        <translation>Die Nachricht wartet nicht mehr auf das Senden (Status: %1).</translation>
    </message>
    <message>
        <source>The message could not be cancelled: %1</source>
        <translation>Die Nachricht konnte nicht storniert werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::MessageTableModel</name>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <source>Goes out at %1 (scheduled at %2)</source>
        <translation>Geht um %1 raus (geplant am %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>sb::MessagingServicesClient</name>
    <message>
        <source>the answer has no list of %1</source>
        <translation>die Antwort enthält keine Liste von %1</translation>
    </message>
</context>
<context>
    <name>sb::NumberWiring</name>
    <message>
        <source>The account has no phone number %1.</source>
        <translation>Das Konto hat keine Telefonnummer %1.</translation>
    </message>
    <message>
        <source>The console&apos;s database could not record the number&apos;s current settings, so nothing was changed.</source>
        <translation>Die Datenbank der Konsole konnte die aktuellen Einstellungen der Nummer nicht speichern, daher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The console&apos;s database could not be read.</source>
        <translation>Die Datenbank der Konsole konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This console has not wired %1, so there is nothing to restore.</source>
        <translation>Diese Konsole hat %1 nicht verbunden, daher gibt es nichts wiederherzustellen.</translation>
    </message>
    <message>
        <source>The settings were restored, but the console&apos;s database could not be updated.</source>
        <translation>Die Einstellungen wurden wiederhergestellt, aber die Datenbank der Konsole konnte nicht aktualisiert werden.</translation>
    </message>
</context>
<context>
    <name>sb::Outbox</name>
    <message>
        <source>Switchboard is still starting; nothing was sent. Try again in a moment.</source>
        <translation>Switchboard startet noch; es wurde nichts gesendet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The message could not be stored, so nothing was sent: %1</source>
        <translation>Die Nachricht konnte nicht gespeichert werden, daher wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <source>What must be checked before sending could not be read, so it was not sent yet</source>
        <translation>Was vor dem Senden geprüft werden muss, konnte nicht gelesen werden, daher wurde sie noch nicht gesendet</translation>
    </message>
    <message>
        <source>The message is stored but could not be marked as being sent, so it was not sent yet</source>
        <translation>Die Nachricht ist gespeichert, konnte aber nicht als „wird gesendet“ markiert werden, daher wurde sie noch nicht gesendet</translation>
    </message>
    <message>
        <source>The provider asked to slow down and the retry could not be recorded</source>
        <translation>Der Anbieter bat darum, langsamer zu senden, und der erneute Versuch konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>not found at Twilio; sending again</source>
        <translation>bei Twilio nicht gefunden; wird erneut gesendet</translation>
    </message>
    <message>
        <source>The message could not be queued again</source>
        <translation>Die Nachricht konnte nicht erneut in die Warteschlange gestellt werden</translation>
    </message>
    <message>
        <source>Twilio accepted the message as %1 but it could not be recorded</source>
        <translation>Twilio hat die Nachricht als %1 angenommen, aber dies konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Twilio refused the message (%1) and the refusal could not be recorded</source>
        <translation>Twilio hat die Nachricht abgelehnt (%1), und die Ablehnung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 (the database failed: %2). Switchboard keeps it and completes it once the database works again.</source>
        <translation>%1 (die Datenbank ist ausgefallen: %2). Switchboard behält sie und schließt sie ab, sobald die Datenbank wieder funktioniert.</translation>
    </message>
</context>
<context>
    <name>sb::PresenceTracker</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 is replying to this customer</source>
        <translation>%1 antwortet gerade diesem Kunden</translation>
    </message>
    <message>
        <source>%1 are replying to this customer</source>
        <translation>%1 antworten gerade diesem Kunden</translation>
    </message>
    <message>
        <source>%1 is viewing this conversation</source>
        <translation>%1 sieht sich diese Unterhaltung an</translation>
    </message>
    <message>
        <source>%1 are viewing this conversation</source>
        <translation>%1 sehen sich diese Unterhaltung an</translation>
    </message>
</context>
<context>
    <name>sb::RecordingFetcher</name>
    <message>
        <source>&apos;%1&apos; is not a recording SID</source>
        <translation>&apos;%1&apos; ist keine Aufnahme-SID</translation>
    </message>
    <message>
        <source>its RecordingUrl is on %1, which is neither Twilio&apos;s nor the configured API base: not fetched, so the account&apos;s credentials go nowhere else</source>
        <translation>ihre RecordingUrl liegt auf %1, das weder zu Twilio gehört noch die konfigurierte API-Basis ist: nicht abgerufen, damit die Zugangsdaten des Kontos nirgendwo anders hingehen</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>kein Host</translation>
    </message>
    <message>
        <source>its audio is %1 bytes, more than the %2 accepted</source>
        <translation>ihr Audio ist %1 Bytes groß, mehr als die zulässigen %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>attempt %1 failed (%2); trying again in %3 s</source>
        <translation>Versuch %1 fehlgeschlagen (%2); neuer Versuch in %3 s</translation>
    </message>
</context>
<context>
    <name>sb::RecordingsPanel</name>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Recordings of this call</source>
        <translation>Aufnahmen dieses Anrufs</translation>
    </message>
    <message>
        <source>Play the selected recording</source>
        <translation>Ausgewählte Aufnahme abspielen</translation>
    </message>
    <message>
        <source>Save the selected recording as a file</source>
        <translation>Ausgewählte Aufnahme als Datei speichern</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Wiedergabeposition</translation>
    </message>
    <message>
        <source>Elapsed and total time</source>
        <translation>Verstrichene und gesamte Zeit</translation>
    </message>
    <message>
        <source>Playback notice</source>
        <translation>Wiedergabehinweis</translation>
    </message>
    <message>
        <source>This recording cannot be played here: %1</source>
        <translation>Diese Aufnahme kann hier nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>(Qt&apos;s GStreamer backend needs gstreamer1.0-plugins-good to play WAV.) Save… keeps a copy to play elsewhere.</source>
        <translation>(Das GStreamer-Backend von Qt benötigt gstreamer1.0-plugins-good, um WAV abzuspielen.) Speichern… legt eine Kopie ab, die Sie anderswo abspielen können.</translation>
    </message>
    <message>
        <source>No audio</source>
        <translation>Kein Audio</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Download fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No audio (%1)</source>
        <translation>Kein Audio (%1)</translation>
    </message>
    <message>
        <source>The recordings could not be read: %1</source>
        <translation>Die Aufnahmen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No audio output device: this computer has no sound output, so the recording cannot be played here. Save… keeps a copy to play elsewhere.</source>
        <translation>Kein Audioausgabegerät: Dieser Computer hat keine Tonausgabe, daher kann die Aufnahme hier nicht abgespielt werden. Speichern… legt eine Kopie ab, die Sie anderswo abspielen können.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Aufnahme anhalten</translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation>Aufnahme speichern</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV-Audio (*.wav)</translation>
    </message>
    <message>
        <source>No downloaded recording is selected.</source>
        <translation>Es ist keine heruntergeladene Aufnahme ausgewählt.</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>%1 kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>The recording could not be saved: %1</source>
        <translation>Die Aufnahme konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::ReplayEditDialog</name>
    <message>
        <source>Edit and replay webhook %1</source>
        <translation>Webhook %1 bearbeiten und erneut zustellen</translation>
    </message>
    <message>
        <source>Change the form fields, then replay. The replay skips the signature check and is marked as a replay.</source>
        <translation>Ändern Sie die Formularfelder und stellen Sie dann erneut zu. Die erneute Zustellung überspringt die Signaturprüfung und wird als erneute Zustellung markiert.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>The webhook&apos;s form fields; edit a value to change it.</source>
        <translation>Die Formularfelder des Webhooks; bearbeiten Sie einen Wert, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>&amp;Add field</source>
        <translation>Feld &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove field</source>
        <translation>Feld &amp;entfernen</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>Erneut &amp;zustellen</translation>
    </message>
</context>
<context>
    <name>sb::SandboxKeypadApi</name>
    <message>
        <source>Give the keys to press, e.g. &quot;12#&quot;.</source>
        <translation>Geben Sie die zu drückenden Tasten an, z. B. &quot;12#&quot;.</translation>
    </message>
    <message>
        <source>At most %1 keys at a time (%2 given).</source>
        <translation>Höchstens %1 Tasten auf einmal (%2 angegeben).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key: use 0-9, * and #, and w to wait half a second.</source>
        <translation>&apos;%1&apos; ist keine Taste: Verwenden Sie 0-9, * und #, sowie w, um eine halbe Sekunde zu warten.</translation>
    </message>
    <message>
        <source>The keypad presses keys on the sandbox&apos;s simulated calls only, and this console is in live mode: on a real call the caller presses their own keys.</source>
        <translation>Das Tastenfeld drückt Tasten nur bei den simulierten Anrufen der Sandbox, und diese Konsole ist im Live-Modus: Bei einem echten Anruf drückt der Anrufer seine Tasten selbst.</translation>
    </message>
    <message>
        <source>The sandbox did not answer: %1</source>
        <translation>Die Sandbox hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>No call %1 in the sandbox: only calls placed or received since the console started can be pressed on.</source>
        <translation>Kein Anruf %1 in der Sandbox: Tasten lassen sich nur bei Anrufen drücken, die seit dem Start der Konsole getätigt oder empfangen wurden.</translation>
    </message>
    <message>
        <source>The sandbox answered HTTP %1: %2</source>
        <translation>Die Sandbox antwortete mit HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>sb::ScheduledApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation>Der Speicher konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No scheduled message with id %1.</source>
        <translation>Keine geplante Nachricht mit der ID %1.</translation>
    </message>
    <message>
        <source>The store could not be written.</source>
        <translation>Der Speicher konnte nicht beschrieben werden.</translation>
    </message>
    <message>
        <source>Message %1 is no longer waiting to be sent (it is %2): it cannot be cancelled.</source>
        <translation>Nachricht %1 wartet nicht mehr auf das Senden (Status: %2): Sie kann nicht storniert werden.</translation>
    </message>
</context>
<context>
    <name>sb::SendFeedback</name>
    <message>
        <source>What happened to the last send</source>
        <translation>Was mit dem letzten Senden geschah</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Not sent to %1: %2%3 Your text is kept: change it or the number and send again.</source>
        <translation>Nicht an %1 gesendet: %2%3 Ihr Text bleibt erhalten: Ändern Sie ihn oder die Nummer und senden Sie erneut.</translation>
    </message>
    <message>
        <source>Sent to %1; waiting for the delivery report.</source>
        <translation>An %1 gesendet; Zustellbericht steht noch aus.</translation>
    </message>
    <message>
        <source>Delivered to %1 and read at %2.</source>
        <translation>An %1 zugestellt und um %2 gelesen.</translation>
    </message>
    <message>
        <source>Delivered to %1 at %2.</source>
        <translation>Um %2 an %1 zugestellt.</translation>
    </message>
    <message>
        <source>Not delivered to %1: %2%3</source>
        <translation>Nicht an %1 zugestellt: %2%3</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <source>Scheduled for %1: Switchboard sends it at its time.</source>
        <translation>Geplant für %1: Switchboard sendet sie zur festgelegten Zeit.</translation>
    </message>
    <message>
        <source>The scheduled message to %1 was cancelled; it was never sent.</source>
        <translation>Die geplante Nachricht an %1 wurde storniert; sie wurde nie gesendet.</translation>
    </message>
    <message>
        <source>Accepted by Twilio for %1 and queued; not delivered yet.</source>
        <translation>Von Twilio für %1 angenommen und in der Warteschlange; noch nicht zugestellt.</translation>
    </message>
</context>
<context>
    <name>sb::SendLaterDialog</name>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Senden um</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Send at (%1):</source>
        <translation>Senden um (%1):</translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>%1 is set in the environment, which takes precedence over this value.</source>
        <translation>%1 ist in der Umgebung gesetzt und hat Vorrang vor diesem Wert.</translation>
    </message>
    <message>
        <source>set in the environment</source>
        <translation>in der Umgebung gesetzt</translation>
    </message>
    <message>
        <source>Leave the API key empty to use the offline sandbox&apos;s SendGrid stand-in. The sender address must be a sender identity verified in SendGrid (Settings &gt; Sender Authentication).</source>
        <translation>Lassen Sie den API-Schlüssel leer, um den SendGrid-Ersatz der Offline-Sandbox zu verwenden. Die Absenderadresse muss eine in SendGrid verifizierte Absenderidentität sein (Settings &gt; Sender Authentication).</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Email (SendGrid)</source>
        <translation>&amp;E-Mail (SendGrid)</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keychain, never in the settings file. Saving reconnects without a restart.</source>
        <translation>Geheimnisse werden im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei. Beim Speichern wird ohne Neustart neu verbunden.</translation>
    </message>
    <message>
        <source>%1 could not be stored in the keychain (%2): it applies until you quit; set it in the environment or .env to keep it.</source>
        <translation>%1 konnte nicht im Schlüsselbund gespeichert werden (%2): Es gilt, bis Sie das Programm beenden; setzen Sie es in der Umgebung oder in .env, um es zu behalten.</translation>
    </message>
    <message>
        <source>The keychain did not answer: secrets apply until you quit.</source>
        <translation>Der Schlüsselbund hat nicht geantwortet: Geheimnisse gelten, bis Sie das Programm beenden.</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Closing the window hides it; messages and calls keep arriving and the tray shows how many are unread. Only where the desktop has a tray.</source>
        <translation>Das Schließen des Fensters blendet es nur aus; Nachrichten und Anrufe kommen weiter an, und der Infobereich zeigt, wie viele ungelesen sind. Nur wenn die Arbeitsumgebung einen Infobereich hat.</translation>
    </message>
</context>
<context>
    <name>sb::SingleInstance</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>sb::SmsApi</name>
    <message>
        <source>WhatsApp messages have their own endpoint, POST /api/v1/twilio/send-whatsapp; send-sms sends SMS only.</source>
        <translation>WhatsApp-Nachrichten haben einen eigenen Endpunkt, POST /api/v1/twilio/send-whatsapp; send-sms sendet nur SMS.</translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_PHONE_NUMBER is not set.</source>
        <translation>Kein &apos;from&apos; angegeben und TWILIO_PHONE_NUMBER ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>The message body is empty (give a body, mediaUrl, or both).</source>
        <translation>Der Nachrichtentext ist leer (geben Sie einen body, eine mediaUrl oder beides an).</translation>
    </message>
    <message>
        <source>The body has %1 characters; Twilio accepts at most %2.</source>
        <translation>Der Text hat %1 Zeichen; Twilio akzeptiert höchstens %2.</translation>
    </message>
</context>
<context>
    <name>sb::SmsComposeWidget</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation>Später senden…</translation>
    </message>
    <message>
        <source>+1 415 555 0100</source>
        <translation>+1 415 555 0100</translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation>Nummer löschen</translation>
    </message>
    <message>
        <source>Customer&apos;s number</source>
        <translation>Nummer des Kunden</translation>
    </message>
    <message>
        <source>The number to send to; national numbers are read in the sender&apos;s country.</source>
        <translation>Die Nummer, an die gesendet wird; nationale Nummern werden im Land des Absenders gelesen.</translation>
    </message>
    <message>
        <source>Send from number</source>
        <translation>Von Nummer senden</translation>
    </message>
    <message>
        <source>Message (Ctrl+Enter sends)</source>
        <translation>Nachricht (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>At most 1600 characters; Ctrl+Enter sends.</source>
        <translation>Höchstens 1600 Zeichen; Strg+Eingabe sendet.</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>V&amp;on:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Schedules the message for a time you pick</source>
        <translation>Plant die Nachricht für einen von Ihnen gewählten Zeitpunkt</translation>
    </message>
    <message>
        <source>Will send to %1</source>
        <translation>Wird an %1 gesendet</translation>
    </message>
    <message>
        <source>Nothing was sent: enter the customer&apos;s number.</source>
        <translation>Nichts wurde gesendet: Geben Sie die Nummer des Kunden ein.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: there is no number to send from yet; add one in File ▸ Settings.</source>
        <translation>Nichts wurde gesendet: Es gibt noch keine Nummer zum Senden; fügen Sie eine unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Nothing was sent yet: the attachments are still being copied.</source>
        <translation>Noch nichts gesendet: Die Anhänge werden noch kopiert.</translation>
    </message>
    <message>
        <source>Nothing was sent: the message is empty.</source>
        <translation>Nichts wurde gesendet: Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>Nothing was sent: the message is longer than %1 characters.</source>
        <translation>Nichts wurde gesendet: Die Nachricht ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 Zeichen</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation>1 Segment</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 Segmente</translation>
    </message>
    <message>
        <source>highlighted characters force UCS-2 (70 per segment)</source>
        <translation>hervorgehobene Zeichen erzwingen UCS-2 (70 pro Segment)</translation>
    </message>
    <message>
        <source>Too long to send: %1 characters, at most %2. Remove %3.</source>
        <translation>Zu lang zum Senden: %1 Zeichen, höchstens %2. Entfernen Sie %3.</translation>
    </message>
</context>
<context>
    <name>sb::SmsReplyRoute</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>There is no number to send SMS from yet; add one in File ▸ Settings.</source>
        <translation>Es gibt noch keine Nummer zum Senden von SMS; fügen Sie eine unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>The reply has %1 characters; an SMS can have at most %2. Remove %3 to send.</source>
        <translation>Die Antwort hat %1 Zeichen; eine SMS darf höchstens %2 haben. Entfernen Sie %3, um zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n Segment</numerusform>
            <numerusform>%n Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source>the service is not running.</source>
        <translation>der Dienst läuft nicht.</translation>
    </message>
</context>
<context>
    <name>sb::SmsTab</name>
    <message>
        <source>The reply has %1 characters; an SMS can have at most %2. Shorten it to send.</source>
        <translation>Die Antwort hat %1 Zeichen; eine SMS darf höchstens %2 haben. Kürzen Sie sie, um zu senden.</translation>
    </message>
    <message>
        <source>Hi! Is my order on its way?</source>
        <translation>Hallo! Ist meine Bestellung unterwegs?</translation>
    </message>
    <message>
        <source>Can I change my delivery address?</source>
        <translation>Kann ich meine Lieferadresse ändern?</translation>
    </message>
    <message>
        <source>Thanks, that solved it 👍</source>
        <translation>Danke, das hat es gelöst 👍</translation>
    </message>
</context>
<context>
    <name>sb::SwitchboardService</name>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot start the sandbox: %1</source>
        <translation>Die Sandbox kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (SWITCHBOARD_BIND / SWITCHBOARD_PORT): %3</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden (SWITCHBOARD_BIND / SWITCHBOARD_PORT): %3</translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation>Der Postausgang kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not in sandbox mode.</source>
        <translation>Nicht im Sandbox-Modus.</translation>
    </message>
</context>
<context>
    <name>sb::TemplatePicker</name>
    <message>
        <source>Message template</source>
        <translation>Nachrichtenvorlage</translation>
    </message>
    <message>
        <source>An approved WhatsApp template can be sent at any time; outside the 24-hour window it is the only way to write.</source>
        <translation>Eine genehmigte WhatsApp-Vorlage kann jederzeit gesendet werden; außerhalb des 24-Stunden-Servicefensters ist sie die einzige Möglichkeit zu schreiben.</translation>
    </message>
    <message>
        <source>Loading the account&apos;s templates…</source>
        <translation>Vorlagen des Kontos werden geladen…</translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation>Die Vorlagen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>None: a free-form message</source>
        <translation>Keine: eine freie Nachricht</translation>
    </message>
    <message>
        <source>%1 (%2, cannot be picked)</source>
        <translation>%1 (%2, nicht auswählbar)</translation>
    </message>
    <message>
        <source>1 approved template</source>
        <translation>1 genehmigte Vorlage</translation>
    </message>
    <message>
        <source>%1 approved templates</source>
        <translation>%1 genehmigte Vorlagen</translation>
    </message>
    <message>
        <source>; %1 awaiting or refused approval</source>
        <translation>; %1 ausstehend oder abgelehnt</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Template variable %1</source>
        <translation>Vorlagenvariable %1</translation>
    </message>
    <message>
        <source>Fills {{%1}} in the template&apos;s text.</source>
        <translation>Füllt {{%1}} im Text der Vorlage.</translation>
    </message>
    <message>
        <source>Nothing was sent: fill in %1 of the template &quot;%2&quot;.</source>
        <translation>Nichts wurde gesendet: Füllen Sie %1 der Vorlage „%2“ aus.</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
</context>
<context>
    <name>sb::ThreadView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Every message, call, email and note with this contact, oldest first. Scroll to the top for older ones.</source>
        <translation>Jede Nachricht, jeder Anruf, jede E-Mail und Notiz mit diesem Kontakt, älteste zuerst. Scrollen Sie nach oben für ältere.</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>Anhang %1</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation>Gesendet per %1</translation>
    </message>
    <message>
        <source>Received by %1</source>
        <translation>Empfangen per %1</translation>
    </message>
    <message>
        <source>⚠ Not delivered: %1%2</source>
        <translation>⚠ Nicht zugestellt: %1%2</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <source>An internal note: only agents see it, it is never sent.</source>
        <translation>Eine interne Notiz: Nur Agenten sehen sie, sie wird nie gesendet.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>📞 Incoming call</source>
        <translation>📞 Eingehender Anruf</translation>
    </message>
    <message>
        <source>📞 Outgoing call</source>
        <translation>📞 Ausgehender Anruf</translation>
    </message>
    <message>
        <source>✉ Email received</source>
        <translation>✉ E-Mail empfangen</translation>
    </message>
    <message>
        <source>✉ Email sent</source>
        <translation>✉ E-Mail gesendet</translation>
    </message>
</context>
<context>
    <name>sb::TrayIcon</name>
    <message>
        <source>&amp;Show Switchboard</source>
        <translation>Switchboard &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard: %n unread</source>
        <translation>
            <numerusform>Switchboard: %n ungelesen</numerusform>
            <numerusform>Switchboard: %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
</context>
<context>
    <name>sb::TwilioClient</name>
    <message>
        <source>not a page of this account&apos;s messages</source>
        <translation>keine Seite der Nachrichten dieses Kontos</translation>
    </message>
    <message>
        <source>not a page of this account&apos;s calls</source>
        <translation>keine Seite der Anrufe dieses Kontos</translation>
    </message>
    <message>
        <source>not a page of this account&apos;s recordings</source>
        <translation>keine Seite der Aufnahmen dieses Kontos</translation>
    </message>
    <message>
        <source>too many redirects for a recording</source>
        <translation>zu viele Weiterleitungen für eine Aufnahme</translation>
    </message>
    <message>
        <source>a recording redirected from https to http</source>
        <translation>eine Aufnahme wurde von https auf http weitergeleitet</translation>
    </message>
</context>
<context>
    <name>sb::TwilioWebhookGuard</name>
    <message>
        <source>There is no X-Twilio-Signature header: only requests signed by Twilio are accepted here.</source>
        <translation>Es gibt keinen X-Twilio-Signature-Header: Hier werden nur von Twilio signierte Anfragen angenommen.</translation>
    </message>
    <message>
        <source>The body is not valid application/x-www-form-urlencoded (a malformed %-escape or invalid UTF-8), so its signature cannot be checked. Twilio sends its webhooks form-encoded.</source>
        <translation>Der Body ist kein gültiges application/x-www-form-urlencoded (ein fehlerhaftes %-Escape oder ungültiges UTF-8), daher kann seine Signatur nicht geprüft werden. Twilio sendet seine Webhooks formularkodiert.</translation>
    </message>
    <message>
        <source>The body is not the one the URL&apos;s bodySHA256 was computed for: it was changed on the way.</source>
        <translation>Der Body ist nicht der, für den der bodySHA256 der URL berechnet wurde: Er wurde unterwegs verändert.</translation>
    </message>
    <message>
        <source>The X-Twilio-Signature does not match this request signed for %1. Check SWITCHBOARD_PUBLIC_URL (it must be exactly the URL Twilio calls) and the auth token.</source>
        <translation>Die X-Twilio-Signature passt nicht zu dieser für %1 signierten Anfrage. Prüfen Sie SWITCHBOARD_PUBLIC_URL (sie muss genau die URL sein, die Twilio aufruft) und das Auth-Token.</translation>
    </message>
</context>
<context>
    <name>sb::VoiceApi</name>
    <message>
        <source>The call could not be read: %1</source>
        <translation>Der Anruf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No call %1 is known here.</source>
        <translation>Hier ist kein Anruf %1 bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>Call %1 has no recording %2 (it has %n recording(s); give 1 to %n in the order recorded, or a RecordingSid).</source>
        <translation>
            <numerusform>Anruf %1 hat keine Aufnahme %2 (er hat %n Aufnahme; geben Sie 1 bis %n in Aufnahmereihenfolge an oder eine RecordingSid).</numerusform>
            <numerusform>Anruf %1 hat keine Aufnahme %2 (er hat %n Aufnahmen; geben Sie 1 bis %n in Aufnahmereihenfolge an oder eine RecordingSid).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audio of %1 is being downloaded from Twilio; try again shortly.</source>
        <translation>Das Audio von %1 wird gerade von Twilio heruntergeladen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The audio of %1 is not downloaded yet: %2</source>
        <translation>Das Audio von %1 ist noch nicht heruntergeladen: %2</translation>
    </message>
    <message>
        <source>The audio of %1 could not be downloaded and is not tried again: %2</source>
        <translation>Das Audio von %1 konnte nicht heruntergeladen werden und wird nicht erneut versucht: %2</translation>
    </message>
    <message>
        <source>Twilio has no audio for %1 (its recording status is &apos;%2&apos;).</source>
        <translation>Twilio hat kein Audio für %1 (der Aufnahmestatus ist &apos;%2&apos;).</translation>
    </message>
    <message>
        <source>The audio of %1 was downloaded but cannot be read: %2</source>
        <translation>Das Audio von %1 wurde heruntergeladen, kann aber nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The audio of %1 is %2 bytes, more than the %3 this API serves; it is in %4.</source>
        <translation>Das Audio von %1 ist %2 Byte groß, mehr als die %3, die diese API ausliefert; es liegt in %4.</translation>
    </message>
    <message>
        <source>No Twilio client: recordings cannot be deleted.</source>
        <translation>Kein Twilio-Client: Aufnahmen können nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 was deleted at Twilio but its row here could not be removed: %2</source>
        <translation>%1 wurde bei Twilio gelöscht, aber die Zeile hier konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_PHONE_NUMBER is not set.</source>
        <translation>Kein &apos;from&apos; angegeben und TWILIO_PHONE_NUMBER ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Muss true oder false sein.</translation>
    </message>
    <message>
        <source>Must be an absolute http or https URL that answers with TwiML, e.g. https://example.com/twiml; leave it out to run the console&apos;s own.</source>
        <translation>Muss eine absolute http- oder https-URL sein, die mit TwiML antwortet, z. B. https://example.com/twiml; lassen Sie sie weg, um das eigene der Konsole zu verwenden.</translation>
    </message>
    <message>
        <source>No agent phone to ring first: set SWITCHBOARD_AGENT_PHONE (File ▸ Settings ▸ Your own phone) to the phone you answer calls on.</source>
        <translation>Kein Agententelefon, das zuerst klingeln soll: Setzen Sie SWITCHBOARD_AGENT_PHONE (Datei ▸ Einstellungen ▸ Ihr eigenes Telefon) auf das Telefon, an dem Sie Anrufe annehmen.</translation>
    </message>
    <message>
        <source>Twilio&apos;s answer was lost (%1): the call may or may not have been placed. It is not dialled again by itself; the same Idempotency-Key answers 409 rather than ringing the customer twice.</source>
        <translation>Die Antwort von Twilio ging verloren (%1): Der Anruf wurde möglicherweise getätigt oder auch nicht. Er wird nicht von selbst erneut gewählt; derselbe Idempotency-Key antwortet mit 409, statt den Kunden zweimal anzurufen.</translation>
    </message>
    <message>
        <source>A call with this Idempotency-Key was refused by Twilio: %1</source>
        <translation>Ein Anruf mit diesem Idempotency-Key wurde von Twilio abgelehnt: %1</translation>
    </message>
    <message>
        <source>A call with this Idempotency-Key was requested and its outcome is not known (Twilio did not answer, or the console stopped meanwhile). It is not dialled again, so the customer cannot be rung twice; check the calls list on Twilio.</source>
        <translation>Ein Anruf mit diesem Idempotency-Key wurde angefordert und sein Ergebnis ist unbekannt (Twilio hat nicht geantwortet oder die Konsole wurde inzwischen beendet). Er wird nicht erneut gewählt, damit der Kunde nicht zweimal angerufen wird; prüfen Sie die Anrufliste bei Twilio.</translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation>Die Anrufe konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>sb::VoiceWebhooks</name>
    <message>
        <source>Hello. This call was placed from the Switchboard console. Goodbye.</source>
        <translation>Hallo. Dieser Anruf wurde über die Switchboard-Konsole getätigt. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>The bridge has no customer&apos;s number to dial (&apos;to&apos;): %1</source>
        <translation>Die Brücke hat keine Kundennummer zum Wählen (&apos;to&apos;): %1</translation>
    </message>
    <message>
        <source>The body is not application/x-www-form-urlencoded.</source>
        <translation>Der Body ist nicht application/x-www-form-urlencoded.</translation>
    </message>
    <message>
        <source>CallSid and CallStatus are required.</source>
        <translation>CallSid und CallStatus sind erforderlich.</translation>
    </message>
    <message>
        <source>Unknown CallStatus &apos;%1&apos;.</source>
        <translation>Unbekannter CallStatus &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>RecordingSid and CallSid are required.</source>
        <translation>RecordingSid und CallSid sind erforderlich.</translation>
    </message>
    <message>
        <source>RecordingSid &apos;%1&apos; is not a recording SID (letters and digits, like RE0123...).</source>
        <translation>RecordingSid &apos;%1&apos; ist keine Aufnahme-SID (Buchstaben und Ziffern, wie RE0123...).</translation>
    </message>
    <message>
        <source>The recording could not be stored; Twilio will retry it.</source>
        <translation>Die Aufnahme konnte nicht gespeichert werden; Twilio versucht es erneut.</translation>
    </message>
</context>
<context>
    <name>sb::WebhookApi</name>
    <message>
        <source>Only two webhooks of the same SID can be compared (%1 and %2).</source>
        <translation>Nur zwei Webhooks derselben SID können verglichen werden (%1 und %2).</translation>
    </message>
    <message>
        <source>no SID</source>
        <translation>keine SID</translation>
    </message>
    <message>
        <source>%1 must be an ISO 8601 time, e.g. 2026-11-26T18:00:00Z.</source>
        <translation>%1 muss eine ISO-8601-Zeit sein, z. B. 2026-11-26T18:00:00Z.</translation>
    </message>
    <message>
        <source>before must be a webhook id.</source>
        <translation>before muss eine Webhook-ID sein.</translation>
    </message>
    <message>
        <source>limit must be a number from 1 to 500.</source>
        <translation>limit muss eine Zahl von 1 bis 500 sein.</translation>
    </message>
    <message>
        <source>result must be valid, invalid, missing, unchecked or replay.</source>
        <translation>result muss valid, invalid, missing, unchecked oder replay sein.</translation>
    </message>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation>Kein Webhook %1 ist aufgezeichnet.</translation>
    </message>
    <message>
        <source>params must be an object of form fields, e.g. {&quot;MessageStatus&quot;: &quot;delivered&quot;} (null removes a field).</source>
        <translation>params muss ein Objekt aus Formularfeldern sein, z. B. {&quot;MessageStatus&quot;: &quot;delivered&quot;} (null entfernt ein Feld).</translation>
    </message>
    <message>
        <source>shuffle must be true or false.</source>
        <translation>shuffle muss true oder false sein.</translation>
    </message>
    <message>
        <source>Not a webhook.</source>
        <translation>Kein Webhook.</translation>
    </message>
    <message>
        <source>Webhook %1 names no SID to shuffle the status callbacks of.</source>
        <translation>Webhook %1 nennt keine SID, deren Status-Callbacks gemischt werden könnten.</translation>
    </message>
</context>
<context>
    <name>sb::WebhookDetailText</name>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
</context>
<context>
    <name>sb::WebhookInspector</name>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation>Kein Webhook %1 ist aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>sb::WebhookInspectorTab</name>
    <message>
        <source>Re&amp;play (skips signature check)</source>
        <translation>Erneut &amp;zustellen (ohne Signaturprüfung)</translation>
    </message>
    <message>
        <source>&amp;Edit &amp;&amp; replay…</source>
        <translation>&amp;Bearbeiten &amp;&amp; erneut zustellen…</translation>
    </message>
    <message>
        <source>Replay s&amp;huffled for this SID</source>
        <translation>Für diese SID ge&amp;mischt erneut zustellen</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <source>Captured webhooks</source>
        <translation>Erfasste Webhooks</translation>
    </message>
    <message>
        <source>Every request to /twilio/ and /sendgrid/, newest first.</source>
        <translation>Jede Anfrage an /twilio/ und /sendgrid/, neueste zuerst.</translation>
    </message>
    <message>
        <source>Select a webhook to see its headers, body, the answer sent and, for a failed signature, why it failed.</source>
        <translation>Wählen Sie einen Webhook, um seine Header, den Body, die gesendete Antwort und bei einer fehlgeschlagenen Signatur den Grund dafür zu sehen.</translation>
    </message>
    <message>
        <source>Webhook detail</source>
        <translation>Webhook-Details</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Feeds the stored request back through the console as if it had just arrived, without checking its signature; it is recorded as a replay.</source>
        <translation>Leitet die gespeicherte Anfrage erneut durch die Konsole, als wäre sie gerade eingetroffen, ohne ihre Signatur zu prüfen; sie wird als erneute Zustellung aufgezeichnet.</translation>
    </message>
    <message>
        <source>&amp;Diff with…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Diff with another webhook of this SID</source>
        <translation>Mit einem anderen Webhook dieser SID vergleichen</translation>
    </message>
    <message>
        <source>Compare the form fields with another webhook of the same SID</source>
        <translation>Die Formularfelder mit einem anderen Webhook derselben SID vergleichen</translation>
    </message>
    <message>
        <source>Inspector status</source>
        <translation>Inspektor-Status</translation>
    </message>
    <message>
        <source>The webhooks could not be read: %1</source>
        <translation>Die Webhooks konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Path contains…</source>
        <translation>Pfad enthält…</translation>
    </message>
    <message>
        <source>Clear the path filter</source>
        <translation>Pfadfilter löschen</translation>
    </message>
    <message>
        <source>Path filter</source>
        <translation>Pfadfilter</translation>
    </message>
    <message>
        <source>Any signature</source>
        <translation>Jede Signatur</translation>
    </message>
    <message>
        <source>Signature filter</source>
        <translation>Signaturfilter</translation>
    </message>
    <message>
        <source>SID…</source>
        <translation>SID…</translation>
    </message>
    <message>
        <source>Clear the SID filter</source>
        <translation>SID-Filter löschen</translation>
    </message>
    <message>
        <source>SID filter</source>
        <translation>SID-Filter</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Time range filter</source>
        <translation>Zeitraumfilter</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>Pf&amp;ad:</translation>
    </message>
    <message>
        <source>Signatu&amp;re:</source>
        <translation>Signat&amp;ur:</translation>
    </message>
    <message>
        <source>S&amp;ID:</source>
        <translation>S&amp;ID:</translation>
    </message>
    <message>
        <source>Ti&amp;me:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>The webhook inspector is not running.</source>
        <translation>Der Webhook-Inspektor läuft nicht.</translation>
    </message>
    <message>
        <source>Webhook %1 could not be read: %2</source>
        <translation>Webhook %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation>Kein Webhook %1 ist aufgezeichnet.</translation>
    </message>
    <message>
        <source>Replaying webhook %1 (signature check skipped)…</source>
        <translation>Webhook %1 wird erneut zugestellt (Signaturprüfung übersprungen)…</translation>
    </message>
    <message>
        <source>Replaying webhook %1 with your edits (signature check skipped)…</source>
        <translation>Webhook %1 wird mit Ihren Änderungen erneut zugestellt (Signaturprüfung übersprungen)…</translation>
    </message>
    <message>
        <source>Webhook %1 was not replayed: %2</source>
        <translation>Webhook %1 wurde nicht erneut zugestellt: %2</translation>
    </message>
    <message>
        <source>Webhook %1 replayed as %2; the console answered HTTP %3: %4</source>
        <translation>Webhook %1 erneut zugestellt als %2; die Konsole antwortete mit HTTP %3: %4</translation>
    </message>
    <message>
        <source>Webhook %1 replayed as %2 (signature check skipped); the console answered HTTP %3.</source>
        <translation>Webhook %1 erneut zugestellt als %2 (Signaturprüfung übersprungen); die Konsole antwortete mit HTTP %3.</translation>
    </message>
    <message>
        <source>Webhook %1 is not a form post: only form fields can be edited. Replay it as it is, or copy it as curl and edit that.</source>
        <translation>Webhook %1 ist kein Formular-POST: Nur Formularfelder können bearbeitet werden. Stellen Sie ihn unverändert erneut zu oder kopieren Sie ihn als curl und bearbeiten Sie diesen Befehl.</translation>
    </message>
    <message>
        <source>Replaying the status callbacks of %1 in a shuffled order…</source>
        <translation>Die Status-Callbacks von %1 werden in gemischter Reihenfolge erneut zugestellt…</translation>
    </message>
    <message>
        <source>The status callbacks of %1 were not replayed: %2</source>
        <translation>Die Status-Callbacks von %1 wurden nicht erneut zugestellt: %2</translation>
    </message>
    <message>
        <source>%1 has no accepted status callback to replay.</source>
        <translation>%1 hat keinen angenommenen Status-Callback zum erneuten Zustellen.</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n status callback(s) of %1 in this order: %2.</source>
        <translation>
            <numerusform>%n Status-Callback von %1 in dieser Reihenfolge erneut zugestellt: %2.</numerusform>
            <numerusform>%n Status-Callbacks von %1 in dieser Reihenfolge erneut zugestellt: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No other webhook of this SID</source>
        <translation>Kein anderer Webhook dieser SID</translation>
    </message>
    <message>
        <source>Webhooks %1 and %2 could not be compared: %3</source>
        <translation>Webhooks %1 und %2 konnten nicht verglichen werden: %3</translation>
    </message>
    <message>
        <source>Only two webhooks of the same SID can be compared (%1 and %2).</source>
        <translation>Nur zwei Webhooks derselben SID können verglichen werden (%1 und %2).</translation>
    </message>
    <message>
        <source>no SID</source>
        <translation>keine SID</translation>
    </message>
    <message>
        <source>The differences from webhook %1 to %2; select a webhook to see its detail again.</source>
        <translation>Die Unterschiede von Webhook %1 zu %2; wählen Sie einen Webhook, um wieder seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Webhook %1 copied as a curl command (no credentials in it).</source>
        <translation>Webhook %1 als curl-Befehl kopiert (ohne Zugangsdaten).</translation>
    </message>
</context>
<context>
    <name>sb::WebhookTableModel</name>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>Ungültige Signatur</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Keine Signatur</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Replay (not checked)</source>
        <translation>Erneut zugestellt (ungeprüft)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppApi</name>
    <message>
        <source>WhatsApp messages go from one WhatsApp sender (&apos;from&apos;). Through a Messaging Service Twilio would pick the sender, and the 24-hour window, which belongs to each sender and customer, could not be checked before sending; give &apos;from&apos; instead.</source>
        <translation>WhatsApp-Nachrichten gehen von einem WhatsApp-Absender aus (&apos;from&apos;). Über einen Messaging Service würde Twilio den Absender wählen, und das 24-Stunden-Servicefenster, das zu jedem Absender und Kunden gehört, könnte vor dem Senden nicht geprüft werden; geben Sie stattdessen &apos;from&apos; an.</translation>
    </message>
    <message>
        <source>Each variable&apos;s value must be a string; &apos;%1&apos; is not.</source>
        <translation>Der Wert jeder Variablen muss ein String sein; &apos;%1&apos; ist keiner.</translation>
    </message>
    <message>
        <source>Must be a JSON object of placeholder -&gt; value, e.g. {&quot;1&quot;: &quot;Anna&quot;, &quot;2&quot;: &quot;#4242&quot;}.</source>
        <translation>Muss ein JSON-Objekt aus Platzhalter -&gt; Wert sein, z. B. {&quot;1&quot;: &quot;Anna&quot;, &quot;2&quot;: &quot;#4242&quot;}.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>the template could not be looked up on Twilio&apos;s Content API (%1)</source>
        <translation>die Vorlage konnte nicht über die Content API von Twilio abgerufen werden (%1)</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppComposeWidget</name>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation>Später senden…</translation>
    </message>
    <message>
        <source>whatsapp:+14155550100</source>
        <translation>whatsapp:+14155550100</translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation>Nummer löschen</translation>
    </message>
    <message>
        <source>Customer&apos;s WhatsApp number</source>
        <translation>WhatsApp-Nummer des Kunden</translation>
    </message>
    <message>
        <source>whatsapp: and the number in international format; a number starting with + is taken as its WhatsApp account.</source>
        <translation>whatsapp: und die Nummer im internationalen Format; eine Nummer, die mit + beginnt, gilt als deren WhatsApp-Konto.</translation>
    </message>
    <message>
        <source>Send from WhatsApp sender</source>
        <translation>Von WhatsApp-Absender senden</translation>
    </message>
    <message>
        <source>Message (Ctrl+Enter sends)</source>
        <translation>Nachricht (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Free-form text, only within the 24-hour window; Ctrl+Enter sends.</source>
        <translation>Freier Text, nur innerhalb des 24-Stunden-Servicefensters; Strg+Eingabe sendet.</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send WhatsApp message</source>
        <translation>WhatsApp-Nachricht senden</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>V&amp;on:</translation>
    </message>
    <message>
        <source>Temp&amp;late:</source>
        <translation>Vor&amp;lage:</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Schedules the message for a time you pick</source>
        <translation>Plant die Nachricht für einen von Ihnen gewählten Zeitpunkt</translation>
    </message>
    <message>
        <source>Nothing was sent: enter the customer&apos;s WhatsApp number.</source>
        <translation>Nichts wurde gesendet: Geben Sie die WhatsApp-Nummer des Kunden ein.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: there is no WhatsApp sender yet; add one in File ▸ Settings.</source>
        <translation>Nichts wurde gesendet: Es gibt noch keinen WhatsApp-Absender; fügen Sie einen unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Nothing was sent yet: the attachment is still being copied.</source>
        <translation>Noch nichts gesendet: Der Anhang wird noch kopiert.</translation>
    </message>
    <message>
        <source>Nothing was sent: the message is empty.</source>
        <translation>Nichts wurde gesendet: Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>Nothing was sent: the message is longer than %1 characters.</source>
        <translation>Nichts wurde gesendet: Die Nachricht ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Nothing was sent: %1 Pick one under Template.</source>
        <translation>Nichts wurde gesendet: %1 Wählen Sie eine unter Vorlage.</translation>
    </message>
    <message>
        <source>Will send to %1</source>
        <translation>Wird an %1 gesendet</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppReplyRoute</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>There is no WhatsApp sender yet; add one in File ▸ Settings.</source>
        <translation>Es gibt noch keinen WhatsApp-Absender; fügen Sie einen unter Datei ▸ Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>A free-form WhatsApp reply cannot be sent: %1 Send an approved template from the WhatsApp tab, or reply by SMS.</source>
        <translation>Eine freie WhatsApp-Antwort kann nicht gesendet werden: %1 Senden Sie eine genehmigte Vorlage über den WhatsApp-Tab oder antworten Sie per SMS.</translation>
    </message>
    <message>
        <source>The reply has %1 characters; WhatsApp takes at most %2.</source>
        <translation>Die Antwort hat %1 Zeichen; WhatsApp nimmt höchstens %2 an.</translation>
    </message>
    <message>
        <source>WhatsApp window open: %1</source>
        <translation>WhatsApp-Servicefenster offen: %1</translation>
    </message>
    <message>
        <source>WhatsApp window closed: %1</source>
        <translation>WhatsApp-Servicefenster geschlossen: %1</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppSender</name>
    <message>
        <source>Enter the customer&apos;s WhatsApp number, e.g. whatsapp:+14155550100.</source>
        <translation>Geben Sie die WhatsApp-Nummer des Kunden ein, z. B. whatsapp:+14155550100.</translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_WHATSAPP_NUMBER is not set.</source>
        <translation>Kein &apos;from&apos; angegeben und TWILIO_WHATSAPP_NUMBER ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>A Content template&apos;s SID is HX followed by 32 hexadecimal characters.</source>
        <translation>Die SID einer Content-Vorlage besteht aus HX gefolgt von 32 Hexadezimalzeichen.</translation>
    </message>
    <message>
        <source>A template&apos;s media comes from the template: leave &apos;mediaUrl&apos; out when giving &apos;contentSid&apos;.</source>
        <translation>Die Medien einer Vorlage stammen aus der Vorlage: Lassen Sie &apos;mediaUrl&apos; weg, wenn Sie &apos;contentSid&apos; angeben.</translation>
    </message>
    <message>
        <source>A template&apos;s text comes from the template: leave &apos;body&apos; out when giving &apos;contentSid&apos;, and fill its variables in &apos;contentVariables&apos;.</source>
        <translation>Der Text einer Vorlage stammt aus der Vorlage: Lassen Sie &apos;body&apos; weg, wenn Sie &apos;contentSid&apos; angeben, und füllen Sie ihre Variablen in &apos;contentVariables&apos; aus.</translation>
    </message>
    <message>
        <source>The message body is empty (give a body, mediaUrl, or both). Outside the 24-hour window send an approved template instead: &apos;contentSid&apos; and &apos;contentVariables&apos;.</source>
        <translation>Der Nachrichtentext ist leer (geben Sie einen body, eine mediaUrl oder beides an). Außerhalb des 24-Stunden-Servicefensters senden Sie stattdessen eine genehmigte Vorlage: &apos;contentSid&apos; und &apos;contentVariables&apos;.</translation>
    </message>
    <message>
        <source>The body has %1 characters; Twilio accepts at most %2.</source>
        <translation>Der Text hat %1 Zeichen; Twilio akzeptiert höchstens %2.</translation>
    </message>
    <message>
        <source>Variables belong to a template: give its &apos;contentSid&apos; too.</source>
        <translation>Variablen gehören zu einer Vorlage: Geben Sie auch deren &apos;contentSid&apos; an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a template variable: keys are the placeholders&apos; names, e.g. &quot;1&quot; for {{1}}.</source>
        <translation>&apos;%1&apos; kann keine Vorlagenvariable sein: Schlüssel sind die Namen der Platzhalter, z. B. &quot;1&quot; für {{1}}.</translation>
    </message>
    <message>
        <source>%1 is empty: every variable needs a value (Twilio refuses empty ones, error 21656).</source>
        <translation>%1 ist leer: Jede Variable braucht einen Wert (Twilio lehnt leere ab, Fehler 21656).</translation>
    </message>
    <message>
        <source>the 24-hour window could not be read: %1</source>
        <translation>das 24-Stunden-Servicefenster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no Content API client</source>
        <translation>kein Content-API-Client</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no %2; its variables are: %3.</source>
        <translation>Die Vorlage „%1“ hat kein %2; ihre Variablen sind: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; needs a value for %2, and it has no default.</source>
        <translation>Die Vorlage „%1“ braucht einen Wert für %2, und sie hat keinen Standardwert.</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppTab</name>
    <message>
        <source>%1 (%2)</source>
        <comment>name (number)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no connection to Twilio&apos;s Content API</source>
        <translation>keine Verbindung zur Content API von Twilio</translation>
    </message>
    <message>
        <source>A free-form reply cannot be sent: %1 Send an approved template from the compose form instead.</source>
        <translation>Eine freie Antwort kann nicht gesendet werden: %1 Senden Sie stattdessen eine genehmigte Vorlage über das Formular für neue Nachrichten.</translation>
    </message>
    <message>
        <source>Hi! Where is my order?</source>
        <translation>Hallo! Wo ist meine Bestellung?</translation>
    </message>
    <message>
        <source>Can I change the delivery time to the afternoon?</source>
        <translation>Kann ich die Lieferzeit auf den Nachmittag verlegen?</translation>
    </message>
    <message>
        <source>Obrigado, it arrived 👍</source>
        <translation>Obrigado, sie ist angekommen 👍</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>Nothing was sent: %1 (%2)</source>
        <translation>Nichts wurde gesendet: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppWebhooks</name>
    <message>
        <source>This is WhatsApp&apos;s webhook; From &apos;%1&apos; is not a whatsapp: address. Point SMS numbers at their own webhook.</source>
        <translation>Dies ist der Webhook von WhatsApp; From &apos;%1&apos; ist keine whatsapp:-Adresse. Richten Sie SMS-Nummern auf ihren eigenen Webhook.</translation>
    </message>
</context>
<context>
    <name>sb::WindowCountdown</name>
    <message>
        <source>24-hour window: enter the customer&apos;s WhatsApp number to see it.</source>
        <translation>24-Stunden-Servicefenster: Geben Sie die WhatsApp-Nummer des Kunden ein, um es zu sehen.</translation>
    </message>
    <message>
        <source>24-hour window: looking up the customer&apos;s last message…</source>
        <translation>24-Stunden-Servicefenster: Die letzte Nachricht des Kunden wird gesucht…</translation>
    </message>
    <message>
        <source>Window open: %1</source>
        <translation>Servicefenster offen: %1</translation>
    </message>
    <message>
        <source>Free-form messages can be sent until %1, 24 hours after the customer&apos;s last message.</source>
        <translation>Freie Nachrichten können bis %1 gesendet werden, 24 Stunden nach der letzten Nachricht des Kunden.</translation>
    </message>
    <message>
        <source>Window %1 — only an approved template can be sent</source>
        <translation>Servicefenster %1 — nur eine genehmigte Vorlage kann gesendet werden</translation>
    </message>
    <message>
        <source>No message from the customer yet — only an approved template can be sent</source>
        <translation>Noch keine Nachricht vom Kunden — nur eine genehmigte Vorlage kann gesendet werden</translation>
    </message>
</context>
</TS>
