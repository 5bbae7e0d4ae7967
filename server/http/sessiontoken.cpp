#include "sessiontoken.h"

#include <QDataStream>
#include <QIODevice>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace jcr::http {

namespace {

constexpr char Prefix[] = "s1";
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int NonceBytes = 16;
constexpr int MaxIdLength = 512; ///< longer headers are not ids of ours: refused before any work

/// Equal without leaking where the first difference is (a MAC compared with == could be found byte by byte).
bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

SessionToken::SessionToken(QByteArray secret, qint64 maxAgeSeconds)
    : m_secret(std::move(secret)), m_maxAgeSeconds(maxAgeSeconds)
{
}

QByteArray SessionToken::mac(const QByteArray& payload) const
{
    return QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256).toBase64(Base64Url);
}

QByteArray SessionToken::issue(const QString& protocolVersion, qint64 nowSeconds) const
{
    quint32 nonce[NonceBytes / 4];
    QRandomGenerator::system()->fillRange(nonce); // the OS's CSPRNG: ids stay unguessable
    QByteArray raw;
    QDataStream out(&raw, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out.writeRawData(reinterpret_cast<const char*>(nonce), NonceBytes);
    out << nowSeconds << protocolVersion.toLatin1();
    const QByteArray payload = QByteArray(Prefix) + '.' + raw.toBase64(Base64Url);
    return payload + '.' + mac(payload);
}

std::optional<SessionToken::Claims> SessionToken::verify(const QByteArray& id, qint64 nowSeconds) const
{
    if (!enabled() || id.size() > MaxIdLength || !id.startsWith(QByteArray(Prefix) + '.'))
        return std::nullopt;
    const qsizetype lastDot = id.lastIndexOf('.');
    const QByteArray payload = id.left(lastDot);
    if (lastDot <= qsizetype(sizeof Prefix) || !constantTimeEquals(mac(payload), id.mid(lastDot + 1)))
        return std::nullopt;
    // Signed by us: the payload is well formed unless the secret leaked, still read it defensively.
    const auto decoded = QByteArray::fromBase64Encoding(payload.mid(sizeof Prefix), Base64Url);
    if (!decoded || decoded.decoded.size() < NonceBytes)
        return std::nullopt;
    QDataStream in(decoded.decoded);
    in.setVersion(QDataStream::Qt_6_0);
    in.skipRawData(NonceBytes);
    Claims claims;
    QByteArray version;
    in >> claims.issuedAt >> version;
    if (in.status() != QDataStream::Ok || version.isEmpty())
        return std::nullopt;
    if (claims.issuedAt > nowSeconds + 300 || nowSeconds - claims.issuedAt > m_maxAgeSeconds)
        return std::nullopt; // expired (or from a clock far ahead)
    claims.protocolVersion = QString::fromLatin1(version);
    return claims;
}

} // namespace jcr::http
