#pragma once

#include <QWidget>

namespace sb {

// A tab for a channel that is not built yet: tells the agent, in their words, what the tab
// will do and what to set up in Settings. Deliberately nothing that looks like it works.
class PlaceholderTab : public QWidget {
    Q_OBJECT
public:
    PlaceholderTab(const QString &title, const QString &willHold, const QString &needs,
                   QWidget *parent = nullptr);
};

} // namespace sb
