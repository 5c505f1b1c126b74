#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace sb {

// Turns SIGINT/SIGTERM into a Qt signal on the thread that created this object (self-pipe),
// so shutdown runs the normal destructors: the store commits what is queued.
class UnixSignals : public QObject {
    Q_OBJECT
public:
    explicit UnixSignals(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handler(int signalNumber);
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sb
