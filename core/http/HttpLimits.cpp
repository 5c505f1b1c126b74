#include "HttpLimits.h"

#include <sys/resource.h>

namespace sb {

int HttpLimits::cappedByFileLimit(int wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return wanted;
    return int(qBound<rlim_t>(1, limit.rlim_cur / 4, rlim_t(wanted)));
}

} // namespace sb
