#pragma once

#include "voice/ivr/IvrMenu.h"
#include "voice/ivr/IvrValidator.h"

#include <QAbstractItemModel>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace sb {

// The IVR as a tree, for the IVR editor: each menu's greeting, its keys with their actions
// (a sub-menu's nodes as the key's children), what silence and an unknown key do, and the
// opening hours with the out-of-hours action beneath. It owns the IvrConfig being edited; the
// editor's forms write into it through action() / menu() / hours() and then call touched(),
// or use the structural edits below, which keep the tree's rows in step.
class IvrTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Greeting, Option, NoInput, InvalidInput, Hours, Closed };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        PathRole,                    // where in the JSON the node is ("options.3")
        MenuNodeRole,                // IvrConfig::menuAt's path of the node's menu ("", "3", "c")
        DigitRole,                   // an option's key
        ProblemsRole,                // QStringList: IvrValidator's problems at or under the node
    };

    explicit IvrTreeModel(QObject *parent = nullptr);
    ~IvrTreeModel() override;

    // Replaces the whole tree (a reset).
    void setJson(const QJsonObject &json);
    // The menu as the agent edited it, for IvrValidator and IvrVersions.
    QJsonObject json() const;
    const IvrConfig &config() const { return m_config; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static Kind kind(const QModelIndex &index);
    // What a node edits, or nullptr: the menu of a Greeting / InvalidInput node (and the menu
    // an Option belongs to), the action of an Option / NoInput / Closed node.
    IvrMenu *menu(const QModelIndex &index) const;
    IvrAction *action(const QModelIndex &index) const;
    IvrOption *option(const QModelIndex &index) const;
    IvrHours *hours() { return m_config.hours ? &*m_config.hours : nullptr; }
    QString weeklyText(int day) const { return m_weekly[day]; } // "09:00-12:00, 13:00-17:00"

    // After a form changed what `index` edits: repaints it and says edited().
    void touched(const QModelIndex &index);
    // Switches an action's type, adding or removing a sub-menu's rows.
    void setActionType(const QModelIndex &index, IvrAction::Type type);
    // Adds `digit` to the menu `index` is in (a new "say" option); its index.
    QModelIndex addKey(const QModelIndex &index, const QString &digit);
    void removeKey(const QModelIndex &option);
    // The keys of `index`'s menu that have no option yet, in keypad order.
    QStringList freeKeys(const QModelIndex &index) const;
    void setHoursEnabled(bool enabled);
    void setWeeklyText(int day, const QString &ranges);

    // IvrValidator's problems, each shown on the deepest node its path lies in.
    void setProblems(const QList<IvrProblem> &problems);
    QModelIndex indexForPath(const QString &path) const;

Q_SIGNALS:
    void edited();

private:
    struct Node;
    Node *node(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    void addMenuNodes(Node *parent, IvrMenu *menu, const QString &menuNode, const QString &prefix);
    void addHoursNode();
    void addSubmenuNodes(Node *optionOrClosed);
    Node *menuParent(const QModelIndex &index) const;
    QString label(const Node *node) const;
    QString summary(const IvrAction &action) const;
    QStringList problemsAt(const Node *node) const;

    IvrConfig m_config;
    QString m_weekly[7];
    std::unique_ptr<Node> m_root;
    QList<IvrProblem> m_problems;
};

} // namespace sb
