#include "SecretStore.h"

#include "common/Logging.h"
#include "config/Settings.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace sb {

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

QStringList SecretStore::secretNames() {
    return Settings::secretNames();
}

void SecretStore::readAll(std::function<void(const QHash<QString, QString> &)> done,
                          int timeoutMs) {
    struct State {
        QHash<QString, QString> values;
        int pending = 0;
        bool finished = false;
        QString unavailable; // the first error, logged once
    };
    auto state = std::make_shared<State>();
    auto finish = [state, done] {
        if (state->finished)
            return;
        state->finished = true;
        done(state->values);
    };
    const QStringList names = secretNames();
    state->pending = int(names.size());
    for (const QString &name : names) {
        auto *job = new QKeychain::ReadPasswordJob(m_service, this);
        job->setKey(name);
        job->setAutoDelete(true);
        connect(job, &QKeychain::Job::finished, this, [state, name, finish](QKeychain::Job *j) {
            if (j->error() == QKeychain::NoError)
                state->values.insert(name,
                                     static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
            else if (j->error() != QKeychain::EntryNotFound && state->unavailable.isEmpty())
                state->unavailable = j->errorString();
            if (--state->pending == 0) {
                if (!state->unavailable.isEmpty())
                    qCInfo(lcConfig).noquote()
                        << "no keychain (" + state->unavailable +
                               "): secrets come from the environment and .env";
                finish();
            }
        });
        job->start();
    }
    QTimer::singleShot(timeoutMs, this, finish);
}

void SecretStore::write(const QString &name, const QString &value,
                        std::function<void(bool, const QString &)> done) {
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        auto *del = new QKeychain::DeletePasswordJob(m_service, this);
        del->setKey(name);
        job = del;
    } else {
        auto *w = new QKeychain::WritePasswordJob(m_service, this);
        w->setKey(name);
        w->setTextData(value);
        job = w;
    }
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (done)
            done(ok, ok ? QString() : j->errorString());
    });
    job->start();
}

} // namespace sb
