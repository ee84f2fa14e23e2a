using Collaboration.Api.Features;
using Collaboration.Api.Hosting;

// Settings files ship beside the binary, so the working directory only decides where ./data is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCollaboration();

var app = builder.Build();
app.UseCollaboration();
app.MapCollaborationApis();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
