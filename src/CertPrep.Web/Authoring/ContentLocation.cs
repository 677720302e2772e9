namespace CertPrep.Web.Authoring;

/// <summary>Where the site reads content from, and whether that folder existed at start-up.</summary>
public sealed record ContentLocation(string Path, bool Exists);
