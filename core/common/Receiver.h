#pragma once

#include <QMetaObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <utility>

namespace sb {

namespace detail {
class ThreadMailbox;
// Queues `call` on the mailbox's thread; false when that thread has already finished.
bool postToMailbox(const std::shared_ptr<ThreadMailbox> &mailbox, std::function<void()> call);
std::shared_ptr<ThreadMailbox> currentThreadMailbox();
} // namespace detail

// Where a result computed on another thread goes. Made on the receiver's own thread (where the
// object is known to be alive); post() may then be called from any thread. The function runs
// on the receiver's thread, and only if the object still exists when it gets there: liveness
// is checked on that thread, never on the caller's, where the object could be destroyed between
// the check and the use. Each thread has one long-lived mailbox object that the calls are
// queued to, so a receiver being destroyed never races with a post.
//
// Constructing from a QObject* off its thread is a programming error (logged as critical):
// capture the Receiver before hopping threads, e.g. `Receiver me(this);` then pass `me` in.
class Receiver {
public:
    Receiver() = default;
    Receiver(QObject *object); // NOLINT: implicit, so `this` can be passed where one is expected

    bool isNull() const { return !m_mailbox; }

    template <typename Fn> void post(Fn fn) const {
        if (!m_mailbox)
            return;
        detail::postToMailbox(m_mailbox, [object = m_object, fn = std::move(fn)]() mutable {
            if (object)
                fn();
        });
    }

    // A callable that posts its argument-bound call to this receiver (for callback APIs).
    template <typename Fn> auto bind(Fn fn) const {
        return [receiver = *this, fn = std::move(fn)](auto &&...args) {
            receiver.post([fn, args...]() mutable { fn(args...); });
        };
    }

private:
    QPointer<QObject> m_object;
    std::shared_ptr<detail::ThreadMailbox> m_mailbox;
};

} // namespace sb
