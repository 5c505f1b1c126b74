#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace sb {

class IvrTreeModel;

// Edits the IVR's opening hours, written into the model as they are typed: the IANA time zone
// and, per weekday, the ranges it is open ("09:00-12:00, 13:00-17:00"; empty: closed).
class IvrHoursForm : public QWidget {
    Q_OBJECT
public:
    IvrHoursForm(IvrTreeModel *model, QWidget *parent = nullptr);

    void load();

    QComboBox *timezoneBox() const { return m_timezone; }
    QLineEdit *dayEdit(int day) const { return m_days[day]; } // Monday = 0

private:
    IvrTreeModel *m_model;
    bool m_loading = false;
    QComboBox *m_timezone;
    QLineEdit *m_days[7];
};

} // namespace sb
