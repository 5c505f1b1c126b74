#include "IvrTreeModel.h"

#include <QApplication>
#include <QIcon>
#include <QJsonArray>
#include <QPixmap>
#include <QSet>
#include <QStyle>
#include <QTimeZone>

#include <functional>

namespace sb {

namespace {

const QString KeypadOrder = QStringLiteral("1234567890*#");
const char *const DayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QString at(const QString &prefix, const QString &key) {
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

QString elide(const QString &text) {
    const QString line = text.simplified();
    return line.size() > 40 ? line.left(39) + QChar(0x2026) : line;
}

QStringList rangesOf(const QString &text) {
    QStringList ranges;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            ranges << part.trimmed();
    return ranges;
}

} // namespace

struct IvrTreeModel::Node {
    Kind kind = Kind::Greeting;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    IvrMenu *menu = nullptr; // the menu the node is part of (none for Hours and Closed)
    QString digit;
    QString menuNode; // IvrConfig::menuAt's path of `menu`
    QString prefix;   // where `menu` is in the JSON
    QString path;     // where this node is in the JSON

    int row() const {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

IvrTreeModel::IvrTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {
    setJson(IvrConfig::defaultJson());
}

IvrTreeModel::~IvrTreeModel() = default;

void IvrTreeModel::setJson(const QJsonObject &json) {
    beginResetModel();
    m_config = IvrConfig::fromJson(json);
    // Out of hours there is no menu to go back to: a say or SMS there hangs up (IvrTwiml does
    // so whatever "then" says), and saying so keeps IvrValidator from refusing a "then" left out.
    if (m_config.hours)
        m_config.hours->closed.thenMenu = false;
    const QJsonObject weekly =
        json.value(QLatin1String("hours")).toObject().value(QLatin1String("weekly")).toObject();
    for (int day = 0; day < 7; ++day) {
        QStringList ranges;
        for (const QJsonValue v : weekly.value(QLatin1String(DayNames[day])).toArray())
            ranges << v.toString();
        m_weekly[day] = ranges.join(QStringLiteral(", "));
    }
    m_root = std::make_unique<Node>();
    addMenuNodes(m_root.get(), &m_config.root, QString(), QString());
    if (m_config.hours)
        addHoursNode();
    m_problems.clear();
    endResetModel();
}

QJsonObject IvrTreeModel::json() const {
    QJsonObject json = m_config.toJson();
    if (!m_config.hours)
        return json;
    // The ranges as typed, so that one that does not read as a range reaches the validator.
    QJsonObject weekly;
    for (int day = 0; day < 7; ++day) {
        const QStringList ranges = rangesOf(m_weekly[day]);
        if (!ranges.isEmpty())
            weekly.insert(QLatin1String(DayNames[day]), QJsonArray::fromStringList(ranges));
    }
    QJsonObject hours = json.value(QLatin1String("hours")).toObject();
    hours.insert(QStringLiteral("weekly"), weekly);
    json.insert(QStringLiteral("hours"), hours);
    return json;
}

void IvrTreeModel::addMenuNodes(Node *parent, IvrMenu *menu, const QString &menuNode,
                                const QString &prefix) {
    auto add = [&](Kind kind, const QString &path, const QString &digit = {}) {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->parent = parent;
        n->menu = menu;
        n->digit = digit;
        n->menuNode = menuNode;
        n->prefix = prefix;
        n->path = path;
        Node *raw = n.get();
        parent->children.push_back(std::move(n));
        return raw;
    };
    add(Kind::Greeting, at(prefix, QStringLiteral("greeting")));
    for (const IvrOption &o : menu->options)
        addSubmenuNodes(
            add(Kind::Option, at(prefix, QStringLiteral("options.") + o.digit), o.digit));
    add(Kind::NoInput, at(prefix, QStringLiteral("noInput")));
    add(Kind::InvalidInput, at(prefix, QStringLiteral("invalidInput")));
}

void IvrTreeModel::addHoursNode() {
    auto hours = std::make_unique<Node>();
    hours->kind = Kind::Hours;
    hours->parent = m_root.get();
    hours->path = QStringLiteral("hours");
    auto closed = std::make_unique<Node>();
    closed->kind = Kind::Closed;
    closed->parent = hours.get();
    closed->path = QStringLiteral("hours.closed");
    Node *closedNode = closed.get();
    hours->children.push_back(std::move(closed));
    m_root->children.push_back(std::move(hours));
    addSubmenuNodes(closedNode);
}

void IvrTreeModel::addSubmenuNodes(Node *n) {
    const IvrAction *a = action(indexOf(n));
    if (!a || a->type != IvrAction::Type::Submenu || !a->menu)
        return;
    if (n->kind == Kind::Closed)
        addMenuNodes(n, a->menu.get(), QStringLiteral("c"), QStringLiteral("hours.closed.menu"));
    else
        addMenuNodes(n, a->menu.get(), n->menuNode + n->digit,
                     n->path + QStringLiteral(".action.menu"));
}

IvrTreeModel::Node *IvrTreeModel::node(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex IvrTreeModel::indexOf(const Node *n) const {
    if (!n || n == m_root.get())
        return {};
    return createIndex(n->row(), 0, const_cast<Node *>(n));
}

QModelIndex IvrTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = node(parent);
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex IvrTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    return indexOf(node(child)->parent);
}

int IvrTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(node(parent)->children.size());
}

int IvrTreeModel::columnCount(const QModelIndex &) const {
    return 1;
}

IvrTreeModel::Kind IvrTreeModel::kind(const QModelIndex &index) {
    return index.isValid() ? static_cast<Node *>(index.internalPointer())->kind : Kind::Greeting;
}

IvrMenu *IvrTreeModel::menu(const QModelIndex &index) const {
    return index.isValid() ? node(index)->menu : nullptr;
}

IvrOption *IvrTreeModel::option(const QModelIndex &index) const {
    const Node *n = index.isValid() ? node(index) : nullptr;
    if (!n || n->kind != Kind::Option || !n->menu)
        return nullptr;
    for (IvrOption &o : n->menu->options)
        if (o.digit == n->digit)
            return &o;
    return nullptr;
}

IvrAction *IvrTreeModel::action(const QModelIndex &index) const {
    if (!index.isValid())
        return nullptr;
    const Node *n = node(index);
    switch (n->kind) {
    case Kind::Option: {
        IvrOption *o = option(index);
        return o ? &o->action : nullptr;
    }
    case Kind::NoInput:
        return &n->menu->noInput;
    case Kind::Closed:
        return m_config.hours ? &const_cast<IvrConfig &>(m_config).hours->closed : nullptr;
    default:
        return nullptr;
    }
}

QString IvrTreeModel::summary(const IvrAction &a) const {
    switch (a.type) {
    case IvrAction::Type::Say:
        return tr("say “%1”").arg(elide(a.text));
    case IvrAction::Type::Forward:
        return tr("forward to %1").arg(a.number.isEmpty() ? tr("(no number)") : a.number);
    case IvrAction::Type::Voicemail:
        return tr("voicemail");
    case IvrAction::Type::Submenu:
        return tr("sub-menu");
    case IvrAction::Type::Sms:
        return tr("text “%1”").arg(elide(a.text));
    case IvrAction::Type::Hangup:
        return tr("hang up");
    }
    return {};
}

QString IvrTreeModel::label(const Node *n) const {
    const QModelIndex index = indexOf(n);
    switch (n->kind) {
    case Kind::Greeting:
        return n->menu->greeting.trimmed().isEmpty()
                   ? tr("Greeting (empty)")
                   : tr("Greeting: “%1”").arg(elide(n->menu->greeting));
    case Kind::Option: {
        const IvrOption *o = option(index);
        if (!o)
            return {};
        return o->label.isEmpty()
                   ? tr("Key %1: %2").arg(o->digit, summary(o->action))
                   : tr("Key %1 (%2): %3").arg(o->digit, o->label, summary(o->action));
    }
    case Kind::NoInput:
        return tr("No key pressed: %1").arg(summary(n->menu->noInput));
    case Kind::InvalidInput:
        return tr("Unknown key: “%1”").arg(elide(n->menu->invalidInput));
    case Kind::Hours:
        return m_config.hours ? tr("Opening hours (%1)").arg(m_config.hours->timezone) : QString();
    case Kind::Closed:
        return m_config.hours ? tr("Out of hours: %1").arg(summary(m_config.hours->closed))
                              : QString();
    }
    return {};
}

QVariant IvrTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const Node *n = node(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return label(n);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        const QStringList problems = problemsAt(n);
        return problems.isEmpty() ? QVariant() : QVariant(problems.join(QLatin1Char('\n')));
    }
    case Qt::DecorationRole: {
        if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
            return {};
        if (!problemsAt(n).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        // As wide as the warning, so rows keep their text aligned whether or not they have one.
        const int size = QApplication::style()->pixelMetric(QStyle::PM_SmallIconSize);
        QPixmap blank(size, size);
        blank.fill(Qt::transparent);
        return QIcon(blank);
    }
    case KindRole:
        return int(n->kind);
    case PathRole:
        return n->path;
    case MenuNodeRole:
        return n->menuNode;
    case DigitRole:
        return n->digit;
    case ProblemsRole:
        return problemsAt(n);
    default:
        return {};
    }
}

void IvrTreeModel::touched(const QModelIndex &index) {
    if (index.isValid())
        Q_EMIT dataChanged(index, index);
    // An option's sub-menu greeting or a closed action shows in its parent's label too.
    if (index.parent().isValid())
        Q_EMIT dataChanged(index.parent(), index.parent());
    Q_EMIT edited();
}

void IvrTreeModel::setActionType(const QModelIndex &index, IvrAction::Type type) {
    IvrAction *a = action(index);
    if (!a || a->type == type)
        return;
    Node *n = node(index);
    if (!n->children.empty()) {
        beginRemoveRows(index, 0, int(n->children.size()) - 1);
        n->children.clear();
        endRemoveRows();
    }
    a->type = type;
    if (type == IvrAction::Type::Submenu) {
        // A sub-menu left earlier comes back as it was.
        if (!a->menu) {
            auto menu = std::make_shared<IvrMenu>();
            IvrAction hangup;
            hangup.text = tr("Goodbye.");
            menu->options.append({QStringLiteral("0"), tr("Hang up"), hangup});
            menu->noInput = hangup;
            menu->invalidInput = tr("Sorry, that is not one of the options.");
            a->menu = menu;
        }
        Node scratch;
        const QString prefix = n->kind == Kind::Closed ? QStringLiteral("hours.closed.menu")
                                                       : n->path + QStringLiteral(".action.menu");
        addMenuNodes(&scratch, a->menu.get(),
                     n->kind == Kind::Closed ? QStringLiteral("c") : n->menuNode + n->digit,
                     prefix);
        beginInsertRows(index, 0, int(scratch.children.size()) - 1);
        for (auto &child : scratch.children) {
            child->parent = n;
            n->children.push_back(std::move(child));
        }
        endInsertRows();
    }
    touched(index);
}

IvrTreeModel::Node *IvrTreeModel::menuParent(const QModelIndex &index) const {
    const Node *n = node(index);
    if (!index.isValid() || !n->menu)
        return nullptr;
    return n->parent;
}

QStringList IvrTreeModel::freeKeys(const QModelIndex &index) const {
    const IvrMenu *m = menu(index);
    QStringList free;
    if (!m)
        return free;
    for (const QChar key : KeypadOrder)
        if (!m->option(QString(key)))
            free << QString(key);
    return free;
}

QModelIndex IvrTreeModel::addKey(const QModelIndex &index, const QString &digit) {
    Node *parent = menuParent(index);
    IvrMenu *m = menu(index);
    if (!parent || !m || !freeKeys(index).contains(digit))
        return {};
    int position = 0;
    while (position < m->options.size() &&
           KeypadOrder.indexOf(m->options.at(position).digit) < KeypadOrder.indexOf(digit))
        ++position;
    const Node *greeting = parent->children.front().get();
    const int row = position + 1; // after the greeting
    beginInsertRows(indexOf(parent), row, row);
    IvrAction say;
    say.type = IvrAction::Type::Say;
    m->options.insert(position, {digit, QString(), say});
    auto n = std::make_unique<Node>();
    n->kind = Kind::Option;
    n->parent = parent;
    n->menu = m;
    n->digit = digit;
    n->menuNode = greeting->menuNode;
    n->prefix = greeting->prefix;
    n->path = at(greeting->prefix, QStringLiteral("options.") + digit);
    parent->children.insert(parent->children.begin() + row, std::move(n));
    endInsertRows();
    const QModelIndex added = this->index(row, 0, indexOf(parent));
    Q_EMIT edited();
    return added;
}

void IvrTreeModel::removeKey(const QModelIndex &index) {
    Node *n = index.isValid() ? node(index) : nullptr;
    if (!n || n->kind != Kind::Option)
        return;
    IvrMenu *m = n->menu;
    const QString digit = n->digit;
    Node *parent = n->parent;
    const int row = n->row();
    beginRemoveRows(indexOf(parent), row, row);
    parent->children.erase(parent->children.begin() + row);
    for (qsizetype i = 0; i < m->options.size(); ++i)
        if (m->options.at(i).digit == digit) {
            m->options.removeAt(i);
            break;
        }
    endRemoveRows();
    Q_EMIT edited();
}

void IvrTreeModel::setHoursEnabled(bool enabled) {
    if (enabled == m_config.hours.has_value())
        return;
    const int row = int(m_root->children.size());
    if (enabled) {
        IvrHours h;
        h.timezone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
        if (!QTimeZone::isTimeZoneIdAvailable(h.timezone.toUtf8()))
            h.timezone = QStringLiteral("UTC");
        h.closed.type = IvrAction::Type::Voicemail;
        h.closed.prompt = tr("We are closed. Please leave a message after the beep.");
        for (int day = 0; day < 5; ++day) {
            h.weekly[day] = {{QTime(9, 0), QTime(17, 0)}};
            m_weekly[day] = QStringLiteral("09:00-17:00");
        }
        for (int day = 5; day < 7; ++day)
            m_weekly[day].clear();
        beginInsertRows({}, row, row);
        m_config.hours = h;
        addHoursNode();
        endInsertRows();
    } else {
        beginRemoveRows({}, row - 1, row - 1);
        m_root->children.pop_back();
        m_config.hours.reset();
        endRemoveRows();
    }
    Q_EMIT edited();
}

void IvrTreeModel::setWeeklyText(int day, const QString &ranges) {
    if (!m_config.hours || day < 0 || day > 6)
        return;
    m_weekly[day] = ranges;
    // What parses is what the preview's "calling now" goes by; the validator sees the text.
    QList<IvrHours::Range> parsed;
    for (const QString &r : rangesOf(ranges)) {
        const QStringList parts = r.split(QLatin1Char('-'));
        if (parts.size() != 2)
            continue;
        const QTime open = QTime::fromString(parts[0].trimmed(), QStringLiteral("HH:mm"));
        const QTime close = QTime::fromString(parts[1].trimmed(), QStringLiteral("HH:mm"));
        if (open.isValid())
            parsed.append({open, close});
    }
    m_config.hours->weekly[day] = parsed;
    touched(indexOf(m_root->children.back().get()));
}

QStringList IvrTreeModel::problemsAt(const Node *n) const {
    QStringList problems;
    for (const IvrProblem &p : m_problems)
        if (node(indexForPath(p.path)) == n)
            problems << tr("%1: %2").arg(p.path, p.message);
    return problems;
}

void IvrTreeModel::setProblems(const QList<IvrProblem> &problems) {
    QSet<const Node *> marked;
    for (const QList<IvrProblem> *list :
         {static_cast<const QList<IvrProblem> *>(&m_problems), &problems})
        for (const IvrProblem &p : *list)
            marked.insert(node(indexForPath(p.path)));
    m_problems = problems;
    for (const Node *n : marked) {
        const QModelIndex index = indexOf(n);
        if (index.isValid())
            Q_EMIT dataChanged(index, index);
    }
}

QModelIndex IvrTreeModel::indexForPath(const QString &path) const {
    const Node *best = nullptr;
    qsizetype bestLength = -1;
    std::function<void(const Node *)> visit = [&](const Node *n) {
        for (const auto &child : n->children) {
            const Node *c = child.get();
            qsizetype length = -1;
            if (path == c->path || path.startsWith(c->path + QLatin1Char('.')))
                length = c->path.size();
            // A menu's own fields (its timeout, "no options", "no way out") go to its greeting.
            if (c->kind == Kind::Greeting &&
                (path == at(c->prefix, QStringLiteral("timeoutSeconds")) ||
                 path == at(c->prefix, QStringLiteral("options"))))
                length = path.size();
            if (length > bestLength) {
                best = c;
                bestLength = length;
            }
            visit(c);
        }
    };
    visit(m_root.get());
    if (!best && !m_root->children.empty())
        best = m_root->children.front().get(); // the root menu's greeting
    return indexOf(best);
}

} // namespace sb
