// Material for MkDocs 9.8.2, partials/javascripts/base.html: the helpers that keep a reader's
// settings (colour scheme) per site, in a file the browser keeps instead of in every page.
// The site's root is this file's folder's parent.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
