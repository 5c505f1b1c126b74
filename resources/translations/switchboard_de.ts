<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CallPlacer</name>
    <message>
        <source>Nothing was dialled: the call could not be stored (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call was asked for already; it is not dialled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Twilio client: calls cannot be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio&apos;s answer was lost (%1): the call may or may not have been placed. It is not dialled again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio refused the call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call %1 was placed but could not be recorded here (%2); its status callbacks will record it when the database recovers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call %1 is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has ended already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Twilio client: the call cannot be ended from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not end the call: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallStatuses</name>
    <message>
        <source>Twilio has the call and will dial it shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is dialling the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s phone is ringing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer answered; the call is going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was answered and has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line was busy; nobody was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It rang and nobody answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call could not be connected (for instance an unreachable number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hung up before anyone answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentApproval</name>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp approved this template: it can be sent outside the 24-hour window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp is still reviewing this template; it cannot be sent outside the 24-hour window until it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp rejected this template and gave no reason; it cannot be sent outside the 24-hour window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp rejected this template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template was never submitted to WhatsApp for approval; it cannot be sent outside the 24-hour window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp paused this template after poor feedback from recipients; it cannot be sent until WhatsApp releases it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp disabled this template after poor feedback from recipients; it cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio did not say whether WhatsApp approved this template.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailChannel</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid&apos;s Event Webhook (Mail Settings &gt; Event Webhook), with signature verification on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailChannelUi</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailRequest</name>
    <message>
        <source>Required: the recipient&apos;s email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be an email address or a list of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid email address: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email is %1 bytes as SendGrid would receive it (attachments in base64); SendGrid takes at most %2 bytes (30 MB). Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 categories (SendGrid&apos;s limit); there are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category has at most %1 characters (SendGrid&apos;s limit); &quot;%2…&quot; has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories must be printable ASCII (SendGrid&apos;s rule); &quot;%1&quot; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each category once: &quot;%1&quot; is repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the sender&apos;s address (a verified sender identity in SendGrid), or set a default sender with SENDGRID_FROM_EMAIL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a dynamic template&apos;s id, which starts with &quot;d-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a JSON object of the template&apos;s variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only goes with a templateId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required (unless a templateId is given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the email&apos;s text, its html, or both (or a templateId).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a list of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be an object with filename, type and content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the file&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a MIME type, e.g. application/pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the file&apos;s bytes in base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a list of {filename, type, content (base64)}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailStatuses</name>
    <message>
        <source>Stored here; SendGrid has not accepted it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid accepted it and will process it shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard cannot tell whether SendGrid accepted it: the answer was lost (e.g. Switchboard stopped while sending). It was not sent again, to avoid a duplicate; check SendGrid&apos;s Activity feed or ask the recipient before resending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid is sending it to the recipient&apos;s mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server asked SendGrid to try later; SendGrid keeps trying for up to 72 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server accepted it (it may still file it as spam).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused it; it was not sent. See the error for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server refused it. The address will not be sent to again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid did not send it (e.g. the address bounced or unsubscribed before). The address will not be sent to again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient marked it as spam. The address will not be sent to again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailSubmitter</name>
    <message>
        <source>%1 of %2 emails have been sent today (UTC), the daily limit (SENDGRID_DAILY_LIMIT, SendGrid&apos;s free plan allows 100 a day); nothing was sent. The count starts again at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email could not be stored, so nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reported an earlier email as spam; Switchboard does not send to it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email to %1 bounced (%2); Switchboard does not send to it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlebarsTemplate</name>
    <message>
        <source>The tag opened on line %1 is never closed with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{{#%1}} opened on line %2 is never closed with {{/%1}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: sub-expressions in parentheses are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted string is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is neither a value nor a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{#%2}} is not a block helper SendGrid&apos;s templates have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{#%2}} takes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one value or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: blocks nested more than %2 deep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{/%2}} closes no open block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{/%2}} does not close {{#%3}} opened on line %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{else}} is outside any block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a second {{else}} in {{#%2}} opened on line %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: an empty {{}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: partials ({{&gt;...}}) are not supported by SendGrid&apos;s dynamic templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: decorators ({{*...}}) are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{#}} names no helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a close tag names one block, as {{/if}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: write {{#unless %2}} for an inverted section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{%2}} is a block helper: write {{#%2 ...}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: {{%2 ...}} calls a helper SendGrid&apos;s templates do not have (a variable&apos;s name has no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IvrMenu</name>
    <message>
        <source>Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, that is not one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for calling. Press 1 to leave a message. Press 2 to hear the options again. Press 0 to end the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please leave a message after the beep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here are the options again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IvrNodePreview</name>
    <message>
        <source>The menu a call hears first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The out-of-hours menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sub-menu, once %1 is pressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What pressing %1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>After %n silence(s) in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every key has an option: no key is unknown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pressing a key with no option (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call now (open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call now (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call out of hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IvrTwiml</name>
    <message>
        <source>Sorry, this menu is not available. Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, your message has been recorded. Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, nobody could take your call. Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We have sent you a text message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IvrValidator</name>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters; at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither &quot;menu&quot; nor &quot;hangup&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no menu to go back to here; use &quot;hangup&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (say, forward, voicemail, submenu, sms, hangup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid E.164 number%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (write it as %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence cannot open a sub-menu; use an action that ends the call or says something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-menus nest at most %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Twilio voice (man, woman, alice, Polly.&lt;name&gt; or Google.&lt;name&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language tag like en-US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the menu has no options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key on the keypad (0-9, * or #)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IANA time zone like Europe/London</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a day (mon, tue, wed, thu, fri, sat, sun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of ranges like &quot;09:00-17:00&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range of times like &quot;09:00-17:00&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; closes before it opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sub-menu at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no way out (every option leads back into a menu and there is no hangup, forward or voicemail, nor a no-input action that ends the call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a field of the IVR (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the out-of-hours menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysetPage</name>
    <message>
        <source>limit must be a whole number from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before must be the `next` cursor of a previous page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaLimits</name>
    <message>
        <source>%1 allows one file per message; there are %2 (%3 too many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows at most %2 files; there are %3 (%4 too many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not accept %2 files (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows %2 per %3 file; %4 is %5 (%6 over).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these %1 files are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows %2 in all; %3 (%4 over).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaResend</name>
    <message>
        <source>An attachment of this message is no longer kept (attachments are kept for an hour): attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is no longer kept (attachments are kept for an hour): attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaUrlField</name>
    <message>
        <source>Must be an array of URLs (or one URL as a string).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This channel takes one media file per message; %1 were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 media URLs per message; %2 were given (%3 too many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 (&quot;%2&quot;) is not an absolute http:// or https:// URL, which Twilio needs to fetch it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Copy message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel scheduled message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message with SID %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageStatuses</name>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored here and being handed to Twilio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting in Switchboard&apos;s outbox; it is sent at the scheduled time (Cancel in the row&apos;s menu).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio has it and will send it shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to the carrier; not confirmed delivered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to the customer&apos;s phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message from the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some parts were delivered, not all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered: see the error for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWebhooks</name>
    <message>
        <source>The body is not application/x-www-form-urlencoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MessageSid and MessageStatus are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown MessageStatus &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MessageSid and From are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumMedia &apos;%1&apos; is not a number from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumMedia is %1 but MediaUrl%2 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be stored; Twilio will retry it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagingService</name>
    <message>
        <source>A Messaging Service&apos;s SID is MG followed by 32 hexadecimal characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOut</name>
    <message>
        <source>%1 replied STOP: Twilio will refuse messages to them until they reply START. Ask them another way to text START if they want messages again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out: Twilio refused a message from %1 to %2 on %3 (21610). Nothing more is sent to them until they reply START.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out: %1 replied %2 to %3 on %4. Nothing is sent to them until they reply START; ask them another way to text START if they want messages again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptOuts</name>
    <message>
        <source>%1 has opted out of messages from %2: Twilio refused a message to them with 21610 on %3. Nothing was sent; they must reply START to receive messages again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replied %2 to %3 on %4; nothing was sent. They must reply START to receive messages again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>0 is not a country code: after the + comes a country code from 1 to 999, e.g. +1 for the US or +44 for the UK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number must start with + and a valid country code, e.g. +14155550100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the international E.164 form: + and the country code, e.g. +14155550100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicReach</name>
    <message>
        <source>Set SWITCHBOARD_PUBLIC_URL to a public address that forwards to this console: a tunnel (for example `ngrok http %1` or `cloudflared tunnel --url http://localhost:%1`) or your reverse proxy, then restart Switchboard and wire again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console has no public URL, so Twilio cannot reach it. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio only calls http and https URLs, not %1. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio cannot reach %1: %2 is an address of this computer or its local network, not of the internet. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiveMode</name>
    <message>
        <source>SWITCHBOARD_RECEIVE is webhooks: Twilio&apos;s webhooks are expected at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SWITCHBOARD_RECEIVE is polling: Switchboard asks Twilio for new messages and statuses every few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox delivers its webhooks on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio&apos;s API is at %1, on this computer or its network: it reaches this console at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio reaches this console at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then Switchboard asks Twilio for new messages and statuses every few seconds; calls need the public URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendAt</name>
    <message>
        <source>The time to send must be at least %1 seconds from now (it is %2 UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time to send can be at most %1 days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be an ISO 8601 time with its offset, e.g. 2026-11-20T14:30:00Z or 2026-11-20T09:30:00-05:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a real time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendGridError</name>
    <message>
        <source>SendGrid could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid answered HTTP %1 with something Switchboard could not read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email is %1 (%2 bytes) with its attachments base64-encoded; SendGrid accepts at most %3 in all. Remove or shrink attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused the email as malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused the email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid rejected the API key: check SENDGRID_API_KEY (it may be mistyped, revoked or deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused to send: the from address is not a verified sender identity, or the API key lacks the Mail Send permission. Verify the sender in SendGrid under Settings &gt; Sender Authentication (a single sender or the whole domain), and check the key&apos;s permissions under Settings &gt; API Keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid has no such resource (e.g. the template id is wrong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused the email as too large: at most 30 MB in all, attachments counted after base64 encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid is rate-limiting this API key; the email was not sent. Retry after %1 (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid is rate-limiting this API key; the email was not sent. Retry later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid failed with HTTP %1; it may or may not have accepted the email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendGridEventValidator</name>
    <message>
        <source>The event batch is signed by SendGrid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Email-Event-Webhook-Signature header: it is not a signed SendGrid event batch (is signature verification enabled in SendGrid&apos;s Event Webhook settings?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Email-Event-Webhook-Timestamp header, which SendGrid&apos;s signature covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SENDGRID_WEBHOOK_PUBLIC_KEY is not set, so no event batch can be verified: enable signed events in SendGrid&apos;s Event Webhook settings and copy its verification key here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 DER P-256 public key: copy the verification key from SendGrid&apos;s Event Webhook settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X-Twilio-Email-Event-Webhook-Signature header is not a base64 DER ECDSA signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match this timestamp and body under SENDGRID_WEBHOOK_PUBLIC_KEY: the body was changed on the way, or the key is another webhook&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X-Twilio-Email-Event-Webhook-Timestamp header is not a time in seconds, so its age cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event batch is timestamped %1 s in the future, beyond the %2 s SENDGRID_WEBHOOK_MAX_AGE_S allows: check this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event batch was signed %1 s ago, older than the %2 s SENDGRID_WEBHOOK_MAX_AGE_S allows: refused as a possible replay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceWindow</name>
    <message>
        <source>The customer has not written to this WhatsApp number yet, so WhatsApp only accepts an approved template. Free-form messages become possible once the customer writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the customer&apos;s last WhatsApp message, so WhatsApp only accepts an approved template. The window reopens when the customer writes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message from the customer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closes in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closes in less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed %1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed %1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Account SID (empty: offline sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS sender number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp sender number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own phone (click-to-call rings it first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid API base URL (empty: https://api.sendgrid.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email sender address (a verified sender in SendGrid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email sender name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid Event Webhook verification key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest Event Webhook batch accepted (seconds, 0: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails a day (SendGrid plan; 0: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL (e.g. https://abc.ngrok.app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureDiagnosis</name>
    <message>
        <source>The signature matches %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No auth token is configured, so signatures are not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no X-Twilio-Signature header: it was not sent by Twilio (or a proxy removed the header).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid form encoding, so its signature cannot be computed: it was altered on the way, or it is not Twilio&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the public URL as configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Host header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy&apos;s X-Forwarded-Proto/-Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the trailing slash toggled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without the query, trailing slash toggled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without the port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL&apos;s signature matches, but the body is not the one its bodySHA256 was computed for: the body was altered on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature was checked against %1. None of the %2 URL variants tried (scheme, with and without the port, the Host and X-Forwarded-Proto/-Host headers, trailing slash, the query) matches, so the URL is not the problem: the auth token differs (a request signed by a subaccount, or with a token rotated since) or the body was altered on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check TWILIO_AUTH_TOKEN against the account (or subaccount) that owns the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set SWITCHBOARD_PUBLIC_URL to %1 (it is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio signed the path and query %1 but the request arrived as %2: a proxy or tunnel rewrote it; set the webhook URL at Twilio to the one the console receives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature was checked against %1 and does not match it, but it matches %2 (%3): the auth token is right and the URL differs. %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsChannel</name>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your number&apos;s &quot;A message comes in&quot; webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status callbacks (sent with each message)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsChannelUi</name>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadPdfExporter</name>
    <message>
        <source>Internal note — never sent to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note by %1 — never sent to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items, exported %2 (times in UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialAccount</name>
    <message>
        <source>Messages and calls reach only numbers verified in Twilio&apos;s console (Verified Caller IDs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every SMS starts with &quot;Sent from your Twilio trial account - &quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls play a trial notice first, and the callee presses a key to hear your TwiML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One phone number; upgrade the account in Twilio&apos;s console to lift these limits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwilioError</name>
    <message>
        <source>Twilio rejected the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio has no such resource on this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio is rate-limiting this account; the request was not processed and will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;To&apos; number is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;From&apos; number is not a valid phone number, short code or sender ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not send SMS to that country; enable it in Twilio&apos;s Geo Permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message needs a body or media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message needs a &apos;To&apos; number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;From&apos; number is not an SMS-capable number on this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient replied STOP; Twilio blocks messages to them until they reply START.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;From&apos; number has too many messages queued; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio cannot route a message between these two numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;To&apos; number is not a mobile number and cannot receive SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message body is longer than 1600 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s phone is unreachable (switched off or out of coverage).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was blocked by the recipient or their carrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s number is unknown or no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s number is a landline or cannot receive SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The carrier filtered the message as spam or for its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be delivered, for a reason the carrier did not give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such template (ContentSid) on this account: it was deleted, belongs to another account, or the SID is mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template&apos;s variables were refused: each one needs a value, and none may be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp could not authenticate this WhatsApp sender; it may have to be connected to Twilio again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s address is not an active WhatsApp account (check the number and the whatsapp: prefix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp did not accept this content: the recipient may not be a valid WhatsApp user, or a media file was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;From&apos; address is not a WhatsApp sender on this Twilio account (or it is still awaiting approval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused the message under its policies, e.g. a template variable left empty or only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient blocked this business on WhatsApp; messages cannot reach them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the 24-hour customer-service window WhatsApp only accepts an approved template; the window reopens when the customer writes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp&apos;s sending limit for this sender was reached; wait before sending more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused the message because of a problem with the business&apos;s Meta Business Manager account (e.g. its payment method or Twilio&apos;s access request); fix it in Meta Business Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused the content: a media type it does not support, or a template longer than 1024 characters once filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient cannot receive WhatsApp messages: not a WhatsApp user, terms not accepted, or an outdated app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp does not accept one of the message&apos;s parameters for this kind of message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp does not deliver marketing templates to this user (one of Meta&apos;s experiments) unless a conversation is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta chose not to deliver this marketing template (never to U.S. numbers, and not to users who already got many); retry later or use SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhatsApp Business Account is locked by Meta; nothing can be sent until Meta unlocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this (insufficient permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio had a server error; the request may not have been processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Twilio (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio&apos;s answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard could not record the message (%1); nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwilioV1Answer</name>
    <message>
        <source>the answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the next page is not part of this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list did not end after %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwimlBuilder</name>
    <message>
        <source>%1: a messaging response may contain only Message and Redirect, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not a TwiML voice verb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cannot contain other elements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 may contain only %3, not %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 needs its text (what to say, dial or fetch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Play needs a URL or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Enqueue needs a queue name or a workflowSid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Dial needs a number or a Number, Client or Conference to dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Dial takes either a number as its text or nouns, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a Conference must be the only noun in its Dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Dial rings at most 10 numbers or clients at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Message takes either its text or Body and Media, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a Message has at most one Body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a Message carries at most 10 Media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2=&quot;%3&quot; must be GET or POST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2=&quot;%3&quot; is not one of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: input=&quot;%2&quot; must be dtmf, speech or &quot;dtmf speech&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceChannel</name>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your number&apos;s &quot;A call comes in&quot; webhook (TwiML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call status callbacks (sent with each call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording status callbacks (recordingStatusCallback)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceChannelUi</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookDetailText</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not UTF-8 text; as base64:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replay of webhook %1: its signature check was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL checked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants tried:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio signed this URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body (raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response sent (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 → %2 (SID %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their form fields are the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppAddress</name>
    <message>
        <source>&apos;%1&apos; is another channel&apos;s address; WhatsApp addresses are whatsapp: and a number in E.164 form, e.g. whatsapp:+14155550100.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppChannel</name>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your WhatsApp sender&apos;s &quot;A message comes in&quot; webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp status callbacks (sent with each message)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppChannelUi</name>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatsAppStatuses</name>
    <message>
        <source>WhatsApp has it but has not reached the customer&apos;s phone yet (one tick).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the customer&apos;s phone, not opened yet (two ticks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer opened it (two blue ticks). Customers who turned read receipts off never show this, so delivered may be the last status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A WhatsApp message from the customer; it opens a 24-hour window for free-form replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered on WhatsApp: see the error for why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::AccountApi</name>
    <message>
        <source>The Messaging API is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onlyWhileRunning must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::AccountTab</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wire to this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;estore previous URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only while Switchboard runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiring result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where wiring points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial account limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound request URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messaging Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messaging Services status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the selected number&apos;s SMS URL, voice URL and status callback at this console, keeping what they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the URLs the selected number had before it was wired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the previous URLs when Switchboard closes (or, after a crash, when it next starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Messaging Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiring points a number at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;%2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline sandbox, nothing is really sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone numbers could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Messaging Services could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each number&apos;s own SMS URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound messages go to each number&apos;s own &quot;A message comes in&quot; URL; the service&apos;s inbound request URL (%1) is not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no Messaging Services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: %1 %2 (at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s database could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While Switchboard runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now sends its messages, calls and call statuses to this console. Its previous URLs are kept for Restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not wired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has its previous URLs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restored %n number(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::AttachmentTray</name>
    <message>
        <source>&amp;Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or drop files on the message, or paste an image into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments need a public URL: Twilio downloads them from this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 A link to a file already online can go in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachments need the console&apos;s server, which is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted-image-%1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · copying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CallTableModel</name>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CallsTab</name>
    <message>
        <source>&amp;Record the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring &amp;my phone first (click-to-call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 415 555 0100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National numbers are read in the caller ID&apos;s country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number the customer sees calling them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-to-call needs your own phone: set it in File ▸ Settings (SWITCHBOARD_AGENT_PHONE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings %1 first, then connects you to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls and the IVR need a public URL: Twilio asks this console what to do on a call, and it cannot reach it now. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by number or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every call, newest first; select one for its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each status the selected call reached, with its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the selected call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press %1 on the simulated call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presses keys on the selected simulated call while it is in progress, as the caller would on their phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVR e&amp;ditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls or IVR editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was dialled: enter the customer&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was dialled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was dialled: there is no number to call from yet; add one in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing your phone (%1) first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone is ringing; answer it to be connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To %1 — see the Calls tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New voicemail from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 long — play it in the Calls tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 call, %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was cancelled before it was answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pressing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pressed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox did not take %1 (HTTP %2); hover for why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CannedEditor</name>
    <message>
        <source>S&amp;hared with the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each response&apos;s shortcut and text. Select one to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word typed after / in a reply box to insert the response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s text, with placeholders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders: {{contact.name}} (the number when the name is unknown), {{contact.number}}, {{agent.name}} (Settings ▸ Your name), and any other {{field}}, asked for when it is inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ortcut:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/%1 (shared)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CannedPicker</name>
    <message>
        <source>Canned responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up and Down choose, Enter inserts, Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No canned responses yet (Tools ▸ Canned responses…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No canned response matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

(shared with the team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserts the text with the fields still to fill in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::CannedResponses</name>
    <message>
        <source>Another canned response already has the shortcut /%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the response a shortcut (the word typed after /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shortcut must be one word (letters, digits, - _ .), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response /%1 has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canned response /%1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ConnectionStatus</name>
    <message>
        <source>&lt;b&gt;Sandbox&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Live&lt;/b&gt; — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks on %1 · public URL %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Twilio (no webhooks): last asked %1, next in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Twilio (no webhooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Twilio cannot reach this computer: set the public URL in File ▸ Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ the public URL does not reach this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last webhook %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no webhooks yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ContactApi</name>
    <message>
        <source>before must be the `next` cursor of a previous page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ContactDelegate</name>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ContactListModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ContentClient</name>
    <message>
        <source>the answer has no list of contents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ConversationView</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages with this customer, oldest first. Open a message&apos;s menu for copy, details, retry and edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply… (Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>name (address)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the message that failed: change it and press Enter to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: type a reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes out at %1 (scheduled at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not delivered: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailApi</name>
    <message>
        <source>The emails could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email this Idempotency-Key sent could not be read back (%1); it was not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s emails could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused the email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Idempotency-Key was used for a different email (%1); nothing was sent. Use a new key for a new email, or the same body to retry that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailComposeWidget</name>
    <message>
        <source>From the ric&amp;h text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ana@example.com, Bo Diaz &lt;bo@example.com&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or more email addresses, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: copy recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc: hidden copy recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sender identity verified in SendGrid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name recipients see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp&amp;late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a SendGrid dynamic template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email&apos;s text, with formatting; sent as HTML with a plain-text alternative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML part as the recipient&apos;s mail program shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain-text alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For mail programs that show no HTML. Made from the message until you edit it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the plain text from the rich text again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rich text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message, its HTML preview and plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic templates are picked here once the template picker is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file with its size; Delete removes the selected ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the email (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an email address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not email addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a recipient in To.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the From address (a sender verified in SendGrid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email is %1 bytes as SendGrid would receive it (attachments in base64); SendGrid takes at most %2 bytes (30 MB). Remove an attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading attachments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) was not attached: the email would be %3 bytes as SendGrid receives it (attachments in base64); SendGrid takes at most %4 bytes (30 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes; %2 in base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) was not attached: on its own it is over SendGrid&apos;s 30 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 of 30 MB with base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid takes at most 30 MB (30,000,000 bytes) per email, measured on what it receives: attachments count in base64, a third larger than the files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailEvents</name>
    <message>
        <source>Not SendGrid&apos;s Event Webhook batch: the body must be a JSON array of event objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events could not be stored; send them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailSender</name>
    <message>
        <source>Switchboard cannot tell whether SendGrid accepted this email: its answer was lost (Switchboard stopped or the connection failed while sending). SendGrid cannot be asked, so it was not sent again, to avoid a duplicate. Check SendGrid&apos;s Activity feed (or with the recipient) before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email could not be read back from the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailTab</name>
    <message>
        <source>Filter by address, subject or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filte&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every email, newest first, with its live status; select one for its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery events (delivered, opened, bounced) come from SendGrid&apos;s Event Webhook, which needs a public URL: emails show what SendGrid said when it accepted them. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emails could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails sent today (UTC) against the daily limit (SENDGRID_DAILY_LIMIT; SendGrid&apos;s free plan allows 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 emails today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emails today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: Switchboard is not connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid refused the email; nothing was sent, your draft is kept. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1: SendGrid accepted it; its status follows in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored for %1; it goes to SendGrid shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored for %1; it goes to SendGrid once it can: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email to %1: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailTableModel</name>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(template %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailTemplatePicker</name>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SendGrid dynamic template; its variables are filled in below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask SendGrid for the account&apos;s templates again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As SendGrid sends it: {{ }} values are HTML-escaped in the subject too (&amp; becomes &amp;amp;); the template needs {{{ }}} there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email as the template makes it with these values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to SendGrid: set SENDGRID_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the account&apos;s templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Active version: %2 (subject &quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
No active version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 dynamic template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dynamic templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no active version: SendGrid would send nothing. Activate one in SendGrid&apos;s Dynamic Templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version &quot;%1&quot; cannot be filled in: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Version &quot;%1&quot;, %n variable(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Template variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills %1 in the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown when on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template condition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns on the template&apos;s {{#if %1}} part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per item of {{#each %1}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::EmailTimeline</name>
    <message>
        <source>Email timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything that happened to the selected email, with its time: SendGrid&apos;s delivery events, opens and clicks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed from the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubscribed to the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an email to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  Stored, handed to SendGrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::FailureNotice</name>
    <message>
        <source>Show conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed message notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was not delivered: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your message to %1 was not delivered: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more failed)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shows message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::HttpServer</name>
    <message>
        <source>The request body is over %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method %1 is not allowed here; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::InboxTab</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every message… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds messages, numbers and names as you type; Down goes to the results, Enter opens the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest conversation first. Enter opens the thread; Escape goes back to the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter saves the name, Escape cancels; empty shows the WhatsApp profile name again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the name (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the contact&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this conversation, every channel with statuses, media links and notes, as CSV or as a printable PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply on channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults to the channel the contact last wrote on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply… (Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an internal note instead of a reply: only agents see it, it is never sent (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N. The box then saves an internal note, never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter in the reply box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule this reply: Switchboard sends it at the time you pick, with every check applied then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a dialog to pick the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a conversation on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has not opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out (replied STOP) of messages from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note, never sent… (Enter saves, Escape cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agents see notes; they are never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text cannot be sent on %1 now: see above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: type a reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved; it is not sent to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, for a spreadsheet (*.csv);;PDF, to print (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the conversation with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrActionForm</name>
    <message>
        <source> times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the forwarded call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep before recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say something</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you only; never spoken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We have sent you a text message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat &amp;while silent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ring for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;x length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the key in this editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences answered by repeating the menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is said, or the SMS sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E.164, e.g. +14155550100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to ring the forward number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said before the beep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said once the message is queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional goodbye</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrApi</name>
    <message>
        <source>The IVR could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IVR was not stored (%1); calls keep the previous version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrEditor</name>
    <message>
        <source>Add &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening h&amp;ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &amp;me to try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVR menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting, each key and what it does, sub-menus beneath their key; select one to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the chosen key to the selected menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside them, calls get the out-of-hours action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TwiML preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the console answers Twilio with for the selected node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stops the menu from being saved, and where; activate one to go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the IVR as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calls run it; calls in the menu keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to the saved IVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call my phone to try the saved IVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set your own phone in File ▸ Settings (SWITCHBOARD_AGENT_PHONE) to try the IVR on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rings %1 with a call that runs the saved IVR%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (in the sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the IVR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IVR could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1. New calls keep the previous version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling your phone (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling %1 with version %2; your unsaved changes are not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling %1 with version %2: answer it to hear the menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One problem to fix before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems to fix before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes (version %1 is what calls run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in menu (nothing saved yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TwiML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems listed below first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrHoursForm</name>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IANA zone like Europe/London.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranges like 09:00-12:00, 13:00-17:00; empty: closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrMenuForm</name>
    <message>
        <source>As the enclosing menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vo&amp;ice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wait for a key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller hears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice, man, woman, Polly.&lt;name&gt; or Google.&lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A language tag like en-US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said on an unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said when a key with no option is pressed; then the menu again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrTreeModel</name>
    <message>
        <source>say “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sub-menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key pressed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of hours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, that is not one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are closed. Please leave a message after the beep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::IvrWebhooks</name>
    <message>
        <source>CallSid is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IVR could not be read; Twilio will retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IVR&apos;s TwiML could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::JsonRequest</name>
    <message>
        <source>got another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::LocalApi</name>
    <message>
        <source>Too many requests: this client may make %1 at once and %2 a second; try again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing or wrong API token: send &apos;Authorization: Bearer &lt;token&gt;&apos; with the value of SWITCHBOARD_API_TOKEN (or the token file named at start-up).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>media must be an array of the sandbox&apos;s sample names, e.g. [&quot;photo&quot;].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::LogDock</name>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category, e.g. switchboard.http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::LogModel</name>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fatal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MainWindow</name>
    <message>
        <source>Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab switch channels; Alt+1 to Alt+%1 go to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here you will call customers and take their calls, and see each call&apos;s progress as it happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls are not available in Switchboard yet. When they are, they will use your Twilio account and a phone number that can take calls: add both in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here you will chat with customers on WhatsApp, including the approved messages that can start a conversation after 24 hours of silence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp is not available in Switchboard yet. When it is, add your WhatsApp sender number in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here you will email customers and see whether each email was delivered, opened or bounced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email is not available in Switchboard yet. When it is, add your SendGrid API key in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Canned responses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ndbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate incoming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…with a &amp;picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switchboard (%n unread)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox could not simulate the incoming %1 message: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox mode&lt;/b&gt; — nothing is really sent: Switchboard is using its built-in practice sandbox. Add your Twilio account in &lt;i&gt;File ▸ Settings&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox mode&lt;/b&gt; — nothing is really sent: Switchboard is using its built-in practice sandbox. &lt;i&gt;Sandbox ▸ Simulate incoming %1&lt;/i&gt; (Ctrl+I) plays a customer; add your Twilio account in &lt;i&gt;File ▸ Settings&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canned responses open once Switchboard has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the numbers wired to this console…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MediaApi</name>
    <message>
        <source>The message&apos;s media could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message %1 is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Message %1 has no media %2 (it has %n file(s), numbered from 0 as MediaUrl{N}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Media %1 of %2 is being downloaded; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media %1 of %2 is not downloaded: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media %1 of %2 was stored but cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MediaAttachments</name>
    <message>
        <source>Sent from this console (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent file: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 (%2) was not downloaded: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture: %1 · %2 (loading…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 — click to see it full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MediaDownload</name>
    <message>
        <source>no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its MediaUrl is not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is %1 bytes, more than the %2 accepted (%3 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write a temporary file in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is more than the %1 bytes accepted (%2 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 redirects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected from https to http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected to a URL that is not http(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transfer from %1 broke off: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write a temporary file in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MediaFetcher</name>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1; gave up after %n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::MediaImageDialog</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MediaShares</name>
    <message>
        <source>Twilio cannot download attachments from this console: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be copied into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media cannot be read right now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MessageDetailDialog</name>
    <message>
        <source>Message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio SID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status timeline (every callback, in arrival order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (polled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned by asking Twilio: its status callback never arrived.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MessageListApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MessageTab</name>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by number or text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches every stored message by number or text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show messages with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or undelivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first. Enter opens a message&apos;s details; the menu key opens its actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is no longer waiting to be sent (it is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MessageTableModel</name>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes out at %1 (scheduled at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::MessagingServicesClient</name>
    <message>
        <source>the answer has no list of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::NumberWiring</name>
    <message>
        <source>The account has no phone number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s database could not record the number&apos;s current settings, so nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s database could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console has not wired %1, so there is nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were restored, but the console&apos;s database could not be updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::Outbox</name>
    <message>
        <source>Switchboard is still starting; nothing was sent. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be stored, so nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must be checked before sending could not be read, so it was not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is stored but could not be marked as being sent, so it was not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider asked to slow down and the retry could not be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found at Twilio; sending again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be queued again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio accepted the message as %1 but it could not be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio refused the message (%1) and the refusal could not be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the database failed: %2). Switchboard keeps it and completes it once the database works again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::RecordingFetcher</name>
    <message>
        <source>&apos;%1&apos; is not a recording SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its RecordingUrl is on %1, which is neither Twilio&apos;s nor the configured API base: not fetched, so the account&apos;s credentials go nowhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its audio is %1 bytes, more than the %2 accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1 failed (%2); trying again in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::RecordingsPanel</name>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings of this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the selected recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected recording as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed and total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recording cannot be played here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Qt&apos;s GStreamer backend needs gstreamer1.0-plugins-good to play WAV.) Save… keeps a copy to play elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recordings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio output device: this computer has no sound output, so the recording cannot be played here. Save… keeps a copy to play elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No downloaded recording is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ReplayEditDialog</name>
    <message>
        <source>Edit and replay webhook %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the form fields, then replay. The replay skips the signature check and is marked as a replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook&apos;s form fields; edit a value to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SandboxKeypadApi</name>
    <message>
        <source>Give the keys to press, e.g. &quot;12#&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 keys at a time (%2 given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key: use 0-9, * and #, and w to wait half a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keypad presses keys on the sandbox&apos;s simulated calls only, and this console is in live mode: on a real call the caller presses their own keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call %1 in the sandbox: only calls placed or received since the console started can be pressed on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ScheduledApi</name>
    <message>
        <source>The store could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scheduled message with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 is no longer waiting to be sent (it is %2): it cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SendFeedback</name>
    <message>
        <source>What happened to the last send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent to %1: %2%3 Your text is kept: change it or the number and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1; waiting for the delivery report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to %1 and read at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered to %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled for %1: Switchboard sends it at its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduled message to %1 was cancelled; it was never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by Twilio for %1 and queued; not delivered yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SendLaterDialog</name>
    <message>
        <source>Send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send at (%1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set in the environment, which takes precedence over this value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills {{agent.name}} in canned responses; empty: your name on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the API key empty to use the offline sandbox&apos;s SendGrid stand-in. The sender address must be a sender identity verified in SendGrid (Settings &gt; Sender Authentication).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email (SendGrid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in the system keychain, never in the settings file. Saving reconnects without a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be stored in the keychain (%2): it applies until you quit; set it in the environment or .env to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer: secrets apply until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SmsApi</name>
    <message>
        <source>WhatsApp messages have their own endpoint, POST /api/v1/twilio/send-whatsapp; send-sms sends SMS only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_PHONE_NUMBER is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message body is empty (give a body, mediaUrl, or both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has %1 characters; Twilio accepts at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SmsComposeWidget</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 415 555 0100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number to send to; national numbers are read in the sender&apos;s country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send from number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 1600 characters; Ctrl+Enter sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules the message for a time you pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will send to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: enter the customer&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: there is no number to send from yet; add one in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent yet: the attachments are still being copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the message is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlighted characters force UCS-2 (70 per segment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long to send: %1 characters, at most %2. Remove %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SmsReplyRoute</name>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no number to send SMS from yet; add one in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply has %1 characters; an SMS can have at most %2. Remove %3 to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the service is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SmsTab</name>
    <message>
        <source>The reply has %1 characters; an SMS can have at most %2. Shorten it to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi! Is my order on its way?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can I change my delivery address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks, that solved it 👍</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::SwitchboardService</name>
    <message>
        <source>Cannot open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (SWITCHBOARD_BIND / SWITCHBOARD_PORT): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in sandbox mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::TemplatePicker</name>
    <message>
        <source>Message template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An approved WhatsApp template can be sent at any time; outside the 24-hour window it is the only way to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the account&apos;s templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: a free-form message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, cannot be picked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 approved template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 approved templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 awaiting or refused approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills {{%1}} in the template&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: fill in %1 of the template &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::ThreadView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every message, call, email and note with this contact, oldest first. Scroll to the top for older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not delivered: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal note: only agents see it, it is never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>📞 Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>📞 Outgoing call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✉ Email received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✉ Email sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::TwilioClient</name>
    <message>
        <source>not a page of this account&apos;s messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a page of this account&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a page of this account&apos;s recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many redirects for a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a recording redirected from https to http</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::TwilioWebhookGuard</name>
    <message>
        <source>There is no X-Twilio-Signature header: only requests signed by Twilio are accepted here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid application/x-www-form-urlencoded (a malformed %-escape or invalid UTF-8), so its signature cannot be checked. Twilio sends its webhooks form-encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not the one the URL&apos;s bodySHA256 was computed for: it was changed on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X-Twilio-Signature does not match this request signed for %1. Check SWITCHBOARD_PUBLIC_URL (it must be exactly the URL Twilio calls) and the auth token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::VoiceApi</name>
    <message>
        <source>The call could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call %1 is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Call %1 has no recording %2 (it has %n recording(s); give 1 to %n in the order recorded, or a RecordingSid).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The audio of %1 is being downloaded from Twilio; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio of %1 is not downloaded yet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio of %1 could not be downloaded and is not tried again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio has no audio for %1 (its recording status is &apos;%2&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio of %1 was downloaded but cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio of %1 is %2 bytes, more than the %3 this API serves; it is in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Twilio client: recordings cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted at Twilio but its row here could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_PHONE_NUMBER is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be an absolute http or https URL that answers with TwiML, e.g. https://example.com/twiml; leave it out to run the console&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent phone to ring first: set SWITCHBOARD_AGENT_PHONE (File ▸ Settings ▸ Your own phone) to the phone you answer calls on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio&apos;s answer was lost (%1): the call may or may not have been placed. It is not dialled again by itself; the same Idempotency-Key answers 409 rather than ringing the customer twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call with this Idempotency-Key was refused by Twilio: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call with this Idempotency-Key was requested and its outcome is not known (Twilio did not answer, or the console stopped meanwhile). It is not dialled again, so the customer cannot be rung twice; check the calls list on Twilio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::VoiceWebhooks</name>
    <message>
        <source>Hello. This call was placed from the Switchboard console. Goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bridge has no customer&apos;s number to dial (&apos;to&apos;): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not application/x-www-form-urlencoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CallSid and CallStatus are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown CallStatus &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecordingSid and CallSid are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecordingSid &apos;%1&apos; is not a recording SID (letters and digits, like RE0123...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be stored; Twilio will retry it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WebhookApi</name>
    <message>
        <source>Only two webhooks of the same SID can be compared (%1 and %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an ISO 8601 time, e.g. 2026-11-26T18:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before must be a webhook id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit must be a number from 1 to 500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result must be valid, invalid, missing, unchecked or replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>params must be an object of form fields, e.g. {&quot;MessageStatus&quot;: &quot;delivered&quot;} (null removes a field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffle must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a webhook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 names no SID to shuffle the status callbacks of.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WebhookDetailText</name>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WebhookInspector</name>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WebhookInspectorTab</name>
    <message>
        <source>Re&amp;play (skips signature check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit &amp;&amp; replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay s&amp;huffled for this SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request to /twilio/ and /sendgrid/, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a webhook to see its headers, body, the answer sent and, for a failed signature, why it failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds the stored request back through the console as if it had just arrived, without checking its signature; it is recorded as a replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diff with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff with another webhook of this SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the form fields with another webhook of the same SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhooks could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the path filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the SID filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SID filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatu&amp;re:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ti&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook inspector is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook %1 is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying webhook %1 (signature check skipped)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying webhook %1 with your edits (signature check skipped)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 was not replayed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 replayed as %2; the console answered HTTP %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 replayed as %2 (signature check skipped); the console answered HTTP %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 is not a form post: only form fields can be edited. Replay it as it is, or copy it as curl and edit that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying the status callbacks of %1 in a shuffled order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status callbacks of %1 were not replayed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no accepted status callback to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n status callback(s) of %1 in this order: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other webhook of this SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks %1 and %2 could not be compared: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only two webhooks of the same SID can be compared (%1 and %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The differences from webhook %1 to %2; select a webhook to see its detail again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 copied as a curl command (no credentials in it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WebhookTableModel</name>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay (not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppApi</name>
    <message>
        <source>WhatsApp messages go from one WhatsApp sender (&apos;from&apos;). Through a Messaging Service Twilio would pick the sender, and the 24-hour window, which belongs to each sender and customer, could not be checked before sending; give &apos;from&apos; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each variable&apos;s value must be a string; &apos;%1&apos; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a JSON object of placeholder -&gt; value, e.g. {&quot;1&quot;: &quot;Anna&quot;, &quot;2&quot;: &quot;#4242&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template could not be looked up on Twilio&apos;s Content API (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppComposeWidget</name>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whatsapp:+14155550100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s WhatsApp number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whatsapp: and the number in international format; a number starting with + is taken as its WhatsApp account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send from WhatsApp sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-form text, only within the 24-hour window; Ctrl+Enter sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send WhatsApp message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp&amp;late:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules the message for a time you pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: enter the customer&apos;s WhatsApp number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: there is no WhatsApp sender yet; add one in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent yet: the attachment is still being copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the message is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1 Pick one under Template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will send to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppReplyRoute</name>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no WhatsApp sender yet; add one in File ▸ Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free-form WhatsApp reply cannot be sent: %1 Send an approved template from the WhatsApp tab, or reply by SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply has %1 characters; WhatsApp takes at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp window open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp window closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppSender</name>
    <message>
        <source>Enter the customer&apos;s WhatsApp number, e.g. whatsapp:+14155550100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &apos;from&apos; given and TWILIO_WHATSAPP_NUMBER is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Content template&apos;s SID is HX followed by 32 hexadecimal characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template&apos;s media comes from the template: leave &apos;mediaUrl&apos; out when giving &apos;contentSid&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template&apos;s text comes from the template: leave &apos;body&apos; out when giving &apos;contentSid&apos;, and fill its variables in &apos;contentVariables&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message body is empty (give a body, mediaUrl, or both). Outside the 24-hour window send an approved template instead: &apos;contentSid&apos; and &apos;contentVariables&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has %1 characters; Twilio accepts at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables belong to a template: give its &apos;contentSid&apos; too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a template variable: keys are the placeholders&apos; names, e.g. &quot;1&quot; for {{1}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: every variable needs a value (Twilio refuses empty ones, error 21656).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 24-hour window could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Content API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no %2; its variables are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; needs a value for %2, and it has no default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppTab</name>
    <message>
        <source>%1 (%2)</source>
        <comment>name (number)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to Twilio&apos;s Content API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free-form reply cannot be sent: %1 Send an approved template from the compose form instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi! Where is my order?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can I change the delivery time to the afternoon?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obrigado, it arrived 👍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WhatsAppWebhooks</name>
    <message>
        <source>This is WhatsApp&apos;s webhook; From &apos;%1&apos; is not a whatsapp: address. Point SMS numbers at their own webhook.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sb::WindowCountdown</name>
    <message>
        <source>24-hour window: enter the customer&apos;s WhatsApp number to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour window: looking up the customer&apos;s last message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-form messages can be sent until %1, 24 hours after the customer&apos;s last message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1 — only an approved template can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message from the customer yet — only an approved template can be sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
