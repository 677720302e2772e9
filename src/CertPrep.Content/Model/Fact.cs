namespace CertPrep.Content.Model;

/// <summary>
/// An exam fact with where it comes from and whether it is confirmed by the issuing body. Unconfirmed facts are shown
/// as such wherever the site displays them.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The fact.</param>
/// <param name="Source">Where it comes from (document, page, date).</param>
/// <param name="Confirmed">True only when checked against the issuing body's own current material.</param>
public sealed record Fact<T>(T Value, string Source, bool Confirmed);
