// libFuzzer: account lists and tokens files, as another company sends them. Any bytes: no
// crash; reading either as a list or as tokens, and comparing with itself, stays sane.
#include "io/AccountOverlap.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    pb::io::AccountOverlap::Tokens tokens;
    pb::io::AccountOverlap::readTokens(bytes, u"t.tokens"_s, tokens);
    pb::io::AccountOverlap::Accounts accounts;
    if (pb::io::AccountOverlap::readCsv(bytes, u"a.csv"_s, {}, accounts).isEmpty()) {
        for (const auto &entry : accounts.entries) {
            if (accounts.domain(entry).isEmpty())
                std::abort();
        }
    }
    static const QByteArray key(32, 'k');
    pb::domain::OverlapResult result;
    const pb::io::AccountOverlap::Side side{u"x"_s, bytes};
    if (pb::io::AccountOverlap::compare(side, side, key, {}, 0, result).isEmpty() &&
        (!result.shared || *result.shared != result.ours || result.ours != result.theirs))
        std::abort(); // a list shares every account with itself
    return 0;
}
