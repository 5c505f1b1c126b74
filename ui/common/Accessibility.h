#pragma once

#include <QString>

class QLineEdit;
class QWidget;

namespace sb {

// Small helpers so every control says what it is to a screen reader.
class Accessibility {
public:
    // A line edit with its clear button enabled: the button Qt adds has no name of its own.
    static void enableClearButton(QLineEdit *edit, const QString &clearName);
    // Name and description at once.
    static void describe(QWidget *widget, const QString &name, const QString &description = {});
};

} // namespace sb
