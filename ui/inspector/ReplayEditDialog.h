#pragma once

#include "http/FormEncoding.h"

#include <QDialog>
#include <QVariantMap>

class QTableWidget;

namespace sb {

// Edit & replay: the stored webhook's form fields, editable (values changed, fields added or
// removed) before it is fed back through the routes. edits() is what WebhookInspector::replay
// takes: changed or added fields with their value, removed ones as a null value.
class ReplayEditDialog : public QDialog {
    Q_OBJECT
public:
    ReplayEditDialog(qint64 webhookId, const FormFields &fields, QWidget *parent = nullptr);

    QVariantMap edits() const;
    QTableWidget *table() const { return m_table; }

private:
    void addField();
    void removeField();

    FormFields m_original;
    QTableWidget *m_table;
};

} // namespace sb
