#pragma once

#include <QWidget>

namespace sb {

// A tab for a channel that is not built yet: says what it will hold and what enabling it
// needs. Deliberately nothing that looks like it works.
class PlaceholderTab : public QWidget {
    Q_OBJECT
public:
    PlaceholderTab(const QString &title, const QString &willHold, const QString &needs,
                   QWidget *parent = nullptr);
};

} // namespace sb
