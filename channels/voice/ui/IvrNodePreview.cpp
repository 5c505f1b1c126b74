#include "IvrNodePreview.h"

#include "voice/ivr/IvrTwiml.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace sb {

IvrNodePreview::IvrNodePreview(qint64 version, QString publicBase, QString callerId)
    : m_version(version)
    , m_publicBase(std::move(publicBase))
    , m_callerId(std::move(callerId)) {}

QString IvrNodePreview::indented(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace())
            continue;
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError())
        return QString::fromUtf8(xml);
    return QString::fromUtf8(out).trimmed();
}

IvrNodePreview::Preview IvrNodePreview::of(const IvrConfig &config, const QModelIndex &node,
                                           const QDateTime &now) const {
    Preview preview;
    if (!node.isValid())
        return preview;
    const auto kind = IvrTreeModel::kind(node);
    const QString menuNode = node.data(IvrTreeModel::MenuNodeRole).toString();
    const QString digit = node.data(IvrTreeModel::DigitRole).toString();
    // The menu as a call gets it: the root's only when open, so the hours are left out there;
    // the out-of-hours answer, with hours that never open.
    IvrConfig alwaysOpen = config;
    alwaysOpen.hours.reset();
    IvrConfig alwaysClosed = config;
    if (alwaysClosed.hours)
        for (auto &day : alwaysClosed.hours->weekly)
            day.clear();
    auto run = [&](const IvrConfig &c, auto &&answer) {
        const IvrTwiml ivr(c, m_version, m_publicBase, m_callerId);
        return answer(ivr).document();
    };
    IvrStep step;
    step.node = menuNode;
    TwimlDocument doc;
    switch (kind) {
    case IvrTreeModel::Kind::Greeting:
        if (menuNode.isEmpty()) {
            preview.caption = tr("The menu a call hears first");
            doc = run(alwaysOpen, [&](const IvrTwiml &i) { return i.start(now); });
        } else if (menuNode == QLatin1String("c")) {
            preview.caption = tr("The out-of-hours menu");
            doc = run(alwaysClosed, [&](const IvrTwiml &i) { return i.start(now); });
        } else {
            preview.caption = tr("The sub-menu, once %1 is pressed").arg(menuNode.right(1));
            step.node = menuNode.chopped(1);
            step.digits = menuNode.right(1);
            doc = run(config, [&](const IvrTwiml &i) { return i.next(step); });
        }
        break;
    case IvrTreeModel::Kind::Option:
        preview.caption = tr("What pressing %1 answers").arg(digit);
        step.digits = digit;
        doc = run(config, [&](const IvrTwiml &i) { return i.next(step); });
        break;
    case IvrTreeModel::Kind::NoInput: {
        const IvrMenu *m = config.menuAt(menuNode);
        step.silence = (m ? m->noInputRepeats : 0) + 1;
        preview.caption = tr("After %n silence(s) in a row", nullptr, step.silence);
        doc = run(config, [&](const IvrTwiml &i) { return i.next(step); });
        break;
    }
    case IvrTreeModel::Kind::InvalidInput: {
        const QStringList free = static_cast<const IvrTreeModel *>(node.model())->freeKeys(node);
        if (free.isEmpty()) {
            preview.caption = tr("Every key has an option: no key is unknown here");
            return preview;
        }
        preview.caption = tr("Pressing a key with no option (%1)").arg(free.first());
        step.digits = free.first();
        doc = run(config, [&](const IvrTwiml &i) { return i.next(step); });
        break;
    }
    case IvrTreeModel::Kind::Hours:
        preview.caption = config.hours && config.hours->isOpen(now.toUTC())
                              ? tr("A call now (open)")
                              : tr("A call now (closed)");
        doc = run(config, [&](const IvrTwiml &i) { return i.start(now); });
        break;
    case IvrTreeModel::Kind::Closed:
        preview.caption = tr("A call out of hours");
        doc = run(alwaysClosed, [&](const IvrTwiml &i) { return i.start(now); });
        break;
    }
    if (!doc.ok())
        preview.error = doc.error;
    else
        preview.twiml = indented(doc.xml);
    return preview;
}

} // namespace sb
