#pragma once

#include "IvrTreeModel.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sb {

// The TwiML a node of the IVR answers with, as IvrTwiml writes it for Twilio (never built by
// hand here), indented for reading: a menu's greeting shows the menu, a key what pressing it
// answers, "no key pressed" what silence comes to, the opening hours what a call gets `now`,
// the out-of-hours node what a call gets when closed.
class IvrNodePreview {
    Q_DECLARE_TR_FUNCTIONS(IvrNodePreview)
public:
    IvrNodePreview(qint64 version, QString publicBase, QString callerId);

    struct Preview {
        QString caption; // when Twilio gets it ("Pressing 2 in the menu")
        QString twiml;   // indented XML, or empty
        QString error;   // why there is none (the TwiML builder refused it)
        bool ok() const { return error.isEmpty(); }
    };
    Preview of(const IvrConfig &config, const QModelIndex &node, const QDateTime &now) const;

    // TwiML re-indented two spaces a level, as written (no other change).
    static QString indented(const QByteArray &xml);

private:
    qint64 m_version;
    QString m_publicBase;
    QString m_callerId;
};

} // namespace sb
