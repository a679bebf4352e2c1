using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Auth.ApiKeys;

/// <summary>Makes new keys and the hashes they are stored and looked up by.</summary>
public static class ApiKeySecrets
{
    /// <summary>Every key starts with this, so that a leaked key is easy to recognise (and to scan for).</summary>
    public const string KeyPrefix = "pk_";

    /// <summary>Random bytes in a key: 256 bits, base64url-encoded to 43 characters.</summary>
    public const int RandomBytes = 32;

    /// <summary>Longer header values are refused without hashing them.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>A new key: <c>pk_</c> followed by 32 random bytes in base64url.</summary>
    public static string Generate() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hexadecimal: what is stored and compared.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (key.Length <= MaxKeyLength)
        {
            Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
            var length = Encoding.UTF8.GetBytes(key, utf8);
            SHA256.HashData(utf8[..length], hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        }

        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The part of a key that may be shown in lists: its first <see cref="ApiKey.PrefixLength"/> characters.</summary>
    public static string DisplayPrefix(string key) => key.Length <= ApiKey.PrefixLength ? key : key[..ApiKey.PrefixLength];

    /// <summary>A cheap check before hashing: the right start and a plausible length.</summary>
    public static bool LooksLikeKey(string value) =>
        value.Length is > 3 and <= MaxKeyLength && value.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
