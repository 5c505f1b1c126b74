#include "HttpLimits.h"

#include "RequestFramer.h"

#include <sys/resource.h>

namespace sb {

qint64 HttpLimits::maxBodyBytesFor(const QByteArray &method, const QByteArray &target) const {
    if (routeBodyLimits.isEmpty())
        return maxBodyBytes;
    QByteArray path = RequestFramer::originForm(target);
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    for (const RouteBodyLimit &route : routeBodyLimits) {
        if (route.method == method && route.path == path)
            return route.maxBodyBytes;
    }
    return maxBodyBytes;
}

int HttpLimits::cappedByFileLimit(int wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return wanted;
    return int(qBound<rlim_t>(1, limit.rlim_cur / 4, rlim_t(wanted)));
}

} // namespace sb
