using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertPrep.Web.Library;

/// <summary>How imported content is stored in JSON columns (and hashed), one setting for writing and reading.</summary>
public static class LibraryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true, // tuples in the content model
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored JSON is not a {typeof(T).Name}.");

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>The JSON kept with a module.</summary>
public sealed record ModuleMetadata(
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> KeyTerms,
    IReadOnlyList<string> Requires,
    IReadOnlyList<CertPrep.Content.Model.ModuleSection> Sections);

/// <summary>The JSON kept with a glossary term.</summary>
public sealed record TermMetadata(IReadOnlyList<string> Aliases, IReadOnlyList<string> Related, IReadOnlyList<string> Credentials);

/// <summary>The JSON kept with a question version: how it is answered.</summary>
public sealed record QuestionBody(
    IReadOnlyList<CertPrep.Content.Model.AnswerOption> Options,
    CertPrep.Content.Model.NumericAnswer? Answer,
    CertPrep.Content.Model.Calculation? Calculation);
