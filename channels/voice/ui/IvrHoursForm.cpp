#include "IvrHoursForm.h"

#include "IvrTreeModel.h"
#include "common/Accessibility.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QTimeZone>

namespace sb {

IvrHoursForm::IvrHoursForm(IvrTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_timezone(new QComboBox(this)) {
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_timezone->setObjectName(QStringLiteral("ivrTimezone"));
    m_timezone->setEditable(true);
    m_timezone->setInsertPolicy(QComboBox::NoInsert);
    // Not as wide as the longest zone name: the form would push the preview off a netbook.
    m_timezone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_timezone->setMinimumContentsLength(16);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timezone->addItem(QString::fromUtf8(id));
    m_timezone->completer()->setFilterMode(Qt::MatchContains);
    m_timezone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    Accessibility::describe(m_timezone, tr("Time zone"), tr("An IANA zone like Europe/London."));
    m_timezone->lineEdit()->setAccessibleName(tr("Time zone"));
    form->addRow(tr("&Time zone:"), m_timezone);
    connect(m_timezone, &QComboBox::currentTextChanged, this, [this](const QString &zone) {
        if (m_loading || !m_model->hours())
            return;
        m_model->hours()->timezone = zone.trimmed();
        m_model->touched(m_model->indexForPath(QStringLiteral("hours")));
    });
    const QLocale locale;
    for (int day = 0; day < 7; ++day) {
        m_days[day] = new QLineEdit(this);
        m_days[day]->setObjectName(QStringLiteral("ivrHoursDay%1").arg(day));
        m_days[day]->setPlaceholderText(tr("Closed"));
        const QString name = locale.dayName(day + 1, QLocale::LongFormat);
        Accessibility::describe(m_days[day], tr("Open on %1").arg(name),
                                tr("Ranges like 09:00-12:00, 13:00-17:00; empty: closed."));
        form->addRow(name + QLatin1Char(':'), m_days[day]);
        connect(m_days[day], &QLineEdit::textChanged, this, [this, day](const QString &text) {
            if (!m_loading)
                m_model->setWeeklyText(day, text);
        });
    }
}

void IvrHoursForm::load() {
    const IvrHours *hours = m_model->hours();
    if (!hours)
        return;
    m_loading = true;
    m_timezone->setCurrentText(hours->timezone);
    for (int day = 0; day < 7; ++day)
        m_days[day]->setText(m_model->weeklyText(day));
    m_loading = false;
}

} // namespace sb
