#pragma once

#include "http/HttpMessage.h"

#include <QList>
#include <QString>

namespace sb {

// Every problem with a request's fields, collected so that one answer reports them all (a
// client fixing one field at a time would need as many round trips as there are mistakes).
// The answer keeps the API's one error shape: {"error": {"status": 400, "message": all
// reasons in one sentence each, "field": the first field, "errors": [{"field", "message"}]}}.
class FieldErrors {
public:
    void add(const QString &field, const QString &reason);
    bool has(const QString &field) const;
    bool isEmpty() const { return m_errors.isEmpty(); }
    HttpResponse response() const;

private:
    QList<QPair<QString, QString>> m_errors;
};

} // namespace sb
