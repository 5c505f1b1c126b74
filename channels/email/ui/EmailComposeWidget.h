#pragma once

#include "providers/sendgrid/EmailDraft.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTextDocument;
class QTextEdit;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace sb {

// What the template picker (a widget of its own, put in with setTemplatePicker) has chosen:
// the dynamic template's id (d-...) and the values for its variables.
struct EmailTemplateChoice {
    QString templateId;
    QJsonObject dynamicTemplateData;
};

// The Email tab's compose form: To, Cc and Bcc (several addresses each, comma-separated, checked
// as you type with EmailRequest::isValidAddress, the error under its field), the From identity
// (address and name), Subject, then either the message (a rich-text editor with a small
// formatting toolbar, its HTML preview and the plain-text alternative, generated from the rich
// text until edited by hand) or a dynamic template (the picker's place), and attachments with
// each one's size and the email's total as SendGrid measures it (after base64) against its
// 30 MB. Send (also Ctrl+Return) is enabled only for an email that can go; the line under it
// says why not. It only validates and asks: EmailTab sends (sendRequested) and reports back.
class EmailComposeWidget : public QWidget {
    Q_OBJECT
public:
    using TemplateReader = std::function<EmailTemplateChoice()>;
    enum class Mode { Message, Template };

    explicit EmailComposeWidget(QWidget *parent = nullptr);

    // The sender identity to start from (e.g. SENDGRID_FROM_EMAIL / SENDGRID_FROM_NAME); fills
    // only empty fields, so what the agent typed stays.
    void setDefaultFrom(const QString &email, const QString &name);
    // Puts the template picker into the Template area (the compose form owns it from then on)
    // and reads the chosen template through `reader` when building the draft. Call revalidate()
    // when the choice changes.
    void setTemplatePicker(QWidget *picker, TemplateReader reader);
    QWidget *templatePicker() const { return m_picker; }
    void setMode(Mode mode);
    Mode mode() const;

    // Adds an attachment unless it would take the email over SendGrid's limit; then it says so
    // with the figures and returns false.
    bool addAttachment(const QString &filename, const QByteArray &content,
                       const QString &type = {});
    // Reads the files off the GUI thread, then adds each (addAttachment).
    void addAttachmentFiles(const QStringList &paths);
    void removeSelectedAttachments();

    // The email Send would ask for now (without an id).
    EmailDraft draft() const;
    // The email's size as SendGrid would receive it (the mail/send JSON, attachments in base64).
    qint64 totalBytes() const;
    // Why nothing can be sent as the form stands, in plain words; empty when it can.
    QString whyNotSendable() const;

    // While a send is under way the form is read-only and Send disabled.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // After an accepted send: empties everything but the sender.
    void clearDraft();
    // What became of the last send, under Send (`problem`: in the error tone).
    void showResult(const QString &text, bool problem);
    // A recipient SendGrid or the do-not-send list refused, under its field ("to", "cc", "bcc").
    void showFieldError(const QString &field, const QString &text);
    void focusTo();

    // The plain-text alternative of a rich-text document: its text with list markers and
    // each link's address after its words.
    static QString plainTextOf(const QTextDocument *document);
    // Comma / semicolon / newline separated; "Name <address>" is read as that address and name.
    static QList<EmailAddress> parseAddresses(const QString &text, QStringList *invalid);
    static QString formatSize(qint64 bytes);

    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *ccEdit() const { return m_cc; }
    QLineEdit *bccEdit() const { return m_bcc; }
    QLabel *toError() const { return m_toError; }
    QLabel *ccError() const { return m_ccError; }
    QLabel *bccError() const { return m_bccError; }
    QLineEdit *fromEdit() const { return m_fromEmail; }
    QLineEdit *fromNameEdit() const { return m_fromName; }
    QLabel *fromError() const { return m_fromError; }
    QLineEdit *subjectEdit() const { return m_subject; }
    QTextEdit *bodyEdit() const { return m_body; }
    QTextBrowser *htmlPreview() const { return m_preview; }
    QPlainTextEdit *plainEdit() const { return m_plain; }
    QTabWidget *bodyTabs() const { return m_bodyTabs; }
    QWidget *templateArea() const { return m_templateArea; }
    QListWidget *attachmentList() const { return m_attachments; }
    QLabel *attachmentTotal() const { return m_total; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *whyNotLabel() const { return m_whyNot; }
    QLabel *resultLabel() const { return m_result; }

    // The tab's scroll area would size the form by height-for-width (its wrapped labels) and
    // so always scroll it; without, the form fills the viewport and scrolls only below its
    // minimum (e.g. on a 1024x600 screen with every error shown).
    bool hasHeightForWidth() const override { return false; }
    int heightForWidth(int) const override { return -1; }

public Q_SLOTS:
    void revalidate();

Q_SIGNALS:
    void sendRequested(const sb::EmailDraft &draft);
    // A file could not be attached (read failure, or over the limit), in plain words.
    void attachmentRefused(const QString &why);

private:
    struct Attachment {
        QString filename;
        QString type;
        QByteArray content;
    };
    void trySend();
    void onBodyChanged();
    void updatePreview();
    void updateAttachments();
    void toggleBold();
    void toggleItalic();
    void insertLink();
    void toggleList();
    QString checkAddresses(QLineEdit *edit, QLabel *error, bool required) const;
    qint64 bytesWithout(const QList<Attachment> &attachments) const;

    QLineEdit *m_to;
    QLabel *m_toError;
    QLineEdit *m_cc;
    QLabel *m_ccError;
    QLineEdit *m_bcc;
    QLabel *m_bccError;
    QLineEdit *m_fromEmail;
    QLineEdit *m_fromName;
    QLabel *m_fromError;
    QLineEdit *m_subject;
    QButtonGroup *m_modeGroup;
    QStackedWidget *m_content;
    QTabWidget *m_bodyTabs;
    QToolButton *m_bold;
    QToolButton *m_italic;
    QToolButton *m_link;
    QToolButton *m_list;
    QTextEdit *m_body;
    QTextBrowser *m_preview;
    QPlainTextEdit *m_plain;
    QPushButton *m_regenerate;
    QWidget *m_templateArea;
    QVBoxLayout *m_templateLayout;
    QLabel *m_templateHint;
    QWidget *m_picker = nullptr;
    TemplateReader m_templateReader;
    QListWidget *m_attachments;
    QPushButton *m_addAttachment;
    QPushButton *m_removeAttachment;
    QLabel *m_total;
    QPushButton *m_send;
    QLabel *m_whyNot;
    QLabel *m_result;
    QTimer *m_previewTimer;
    QList<Attachment> m_files;
    bool m_plainEdited = false; // the agent wrote the plain text: stop generating it
    bool m_settingPlain = false;
    bool m_busy = false;
    int m_reading = 0; // files being read
};

} // namespace sb
