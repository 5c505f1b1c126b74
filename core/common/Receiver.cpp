#include "Receiver.h"

#include "Logging.h"

#include <QMutex>
#include <QObject>
#include <QThread>

namespace sb {

namespace detail {

// One per thread, for the thread's lifetime: the object calls are queued to. Posting takes the
// lock, and the thread's end clears the anchor under the same lock, so a post never touches a
// destroyed object.
class ThreadMailbox {
public:
    ThreadMailbox()
        : m_anchor(new QObject) {}
    ~ThreadMailbox() { close(); }

    bool post(std::function<void()> call) {
        QMutexLocker lock(&m_mutex);
        if (!m_anchor)
            return false;
        QMetaObject::invokeMethod(m_anchor, std::move(call), Qt::QueuedConnection);
        return true;
    }

    // On the mailbox's own thread, as it ends.
    void close() {
        QObject *anchor = nullptr;
        {
            QMutexLocker lock(&m_mutex);
            anchor = std::exchange(m_anchor, nullptr);
        }
        delete anchor; // drops calls still queued: their receivers' thread is gone
    }

private:
    QMutex m_mutex;
    QObject *m_anchor;
};

namespace {

struct MailboxHolder {
    std::shared_ptr<ThreadMailbox> mailbox = std::make_shared<ThreadMailbox>();
    ~MailboxHolder() { mailbox->close(); }
};

} // namespace

std::shared_ptr<ThreadMailbox> currentThreadMailbox() {
    static thread_local MailboxHolder holder;
    return holder.mailbox;
}

bool postToMailbox(const std::shared_ptr<ThreadMailbox> &mailbox, std::function<void()> call) {
    return mailbox->post(std::move(call));
}

} // namespace detail

Receiver::Receiver(QObject *object) {
    if (!object)
        return;
    if (object->thread() != QThread::currentThread()) {
        qCCritical(lcService) << "Receiver made off its object's thread:" << object->metaObject()
                              << "- capture it on that thread before hopping";
        Q_ASSERT_X(false, "Receiver", "made off its object's thread");
    }
    m_object = object;
    m_mailbox = detail::currentThreadMailbox();
}

} // namespace sb
