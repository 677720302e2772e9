using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>Reads pages and submits their real forms, antiforgery token included, as a browser would.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Loads <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        return await client.SubmitAsync(form, url, values);
    }

    /// <summary>Posts <paramref name="form"/> from a page already loaded from <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }
}
